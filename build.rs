//! Runs dts2rs the way a downstream crate's build script would: the library API, output only
//! under `OUT_DIR`. `tests/build_script.rs` includes the result, so this path is compiled and
//! exercised on every `cargo test`, beside the checked-in `generated/`.

fn main() {
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    if let Err(error) = dts2rs::Builder::new()
        .input("input")
        .config("input/dts2rs.toml")
        .generate_to(out.join("bindings.rs"))
    {
        // Cargo shows a build script's stderr when it fails.
        eprintln!("{error}");
        std::process::exit(1);
    }
}
