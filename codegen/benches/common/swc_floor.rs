//! The parse floor, shared by the `pipeline` bench and the `parse_only` example: swc alone,
//! called as `dts2rs::parse` calls it (a TypeScript declaration module, comments collected).

/// Parses `text` (named `name`); the module, or swc's error. Errors swc recovered from count
/// as errors: the corpora parse without any.
pub fn swc_parse(name: &str, text: &str) -> Result<swc_ecma_ast::Module, String> {
    use swc_common::comments::SingleThreadedComments;
    use swc_common::{sync::Lrc, BytePos, FileName, SourceFile};
    use swc_ecma_parser::{parse_file_as_module, Syntax, TsSyntax};
    let comments = SingleThreadedComments::default();
    let file_name = Lrc::new(FileName::Custom(name.to_owned()));
    let source =
        SourceFile::new(file_name.clone(), false, file_name, text.to_owned().into(), BytePos(1));
    let syntax = Syntax::Typescript(TsSyntax { dts: true, ..Default::default() });
    let mut recovered = Vec::new();
    let module = parse_file_as_module(
        &source,
        syntax,
        swc_ecma_ast::EsVersion::latest(),
        Some(&comments),
        &mut recovered,
    )
    .map_err(|e| format!("{name}: {:?}", e.kind()))?;
    if let Some(error) = recovered.first() {
        return Err(format!("{name}: {:?}", error.kind()));
    }
    std::hint::black_box(&comments);
    Ok(module)
}
