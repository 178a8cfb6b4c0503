//! Every mapping snapshot compiles under `#![deny(warnings)]`, and behaves as the mapping
//! table says at run time.
#![deny(warnings)]
// The snapshot types are mostly unused by these tests; unused code says nothing about them.
#![allow(dead_code)]

macro_rules! snapshots {
    ($($name:ident),* $(,)?) => {
        // A snapshot's root `pub use`s are its public surface, which nothing here uses.
        $(#[allow(unused_imports)] mod $name { include!(concat!("snapshots/", stringify!($name), ".rs")); })*
    };
}

snapshots!(
    ambiguous_globs,
    anonymous,
    arrays,
    barrel,
    class,
    coherence,
    conditional_types,
    config,
    const_object_enums,
    data_classes,
    discriminated_unions,
    doc_links,
    doc_lists,
    docs,
    empty_globs,
    enums,
    extends,
    generic_alias,
    generic_nesting,
    imports,
    index_signatures,
    indexed_access,
    interface,
    intersection_merge,
    keyword_decls,
    merging,
    keywords,
    literal_union,
    mapped_types,
    module_syntax,
    namespace_exports,
    namespace,
    nested_copies,
    null_and_undefined,
    numbers,
    non_exhaustive,
    number_or_literal,
    open_enums,
    open_union,
    primitives,
    recursive,
    recursive_intersection,
    referencing,
    runtime_objects,
    server_lag,
    service_names,
    shared_unions,
    tuples,
    union_one_of,
    union_payloads,
    union_required_null,
    union_specificity,
    utility_types,
    wide,
);

use serde_json::json;

#[test]
fn all_optional_default_serializes_to_empty_object() {
    assert_eq!(serde_json::to_value(interface::AllOptional::default()).unwrap(), json!({}));
}

#[test]
fn a_type_defined_once_reads_and_writes_as_at_each_place() {
    use nested_copies::{create_params_non_streaming, CreateParamsNonStreaming};
    let text = r#"{"web_search":{"context_size":"high","location":{"city":"Oslo"}},"tools":[{"name":"f","strict":true}]}"#;
    let params: CreateParamsNonStreaming = serde_json::from_str(text).unwrap();
    let search: &create_params_non_streaming::WebSearch = params.web_search.as_ref().unwrap();
    assert_eq!(search.location.as_ref().unwrap().city.as_deref(), Some("Oslo"));
    assert_eq!(serde_json::to_string(&params).unwrap(), text);
    let err = serde_json::from_str::<CreateParamsNonStreaming>(
        r#"{"web_search":{"context_size":"mid"}}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(err.starts_with("unknown variant `mid`, expected `low` or `high`"), "{err}");
}

#[test]
fn string_enum_display_from_str_and_serde_agree() {
    use literal_union::noise::Type;
    assert_eq!(Type::FarField.to_string(), "far_field");
    assert_eq!("near_field".parse::<Type>().unwrap(), Type::NearField);
    let err = "mid_field".parse::<Type>().unwrap_err().to_string();
    assert_eq!(err, "unknown variant `mid_field`, expected `near_field` or `far_field`");
    assert_eq!(serde_json::to_value(Type::NearField).unwrap(), json!("near_field"));
}

#[test]
fn odd_wire_strings_round_trip() {
    use literal_union::noise::Odd;
    for wire in ["1", "", "a b", "🎉", "A", "a"] {
        let value: Odd = serde_json::from_value(json!(wire)).unwrap();
        assert_eq!(value.as_str(), wire);
        assert_eq!(serde_json::to_value(value).unwrap(), json!(wire));
    }
}

#[test]
fn open_enum_keeps_unknown_values() {
    use open_union::speech::Voice;
    let voice: Voice = serde_json::from_value(json!("marin")).unwrap();
    assert_eq!(voice, Voice::Other("marin".to_owned()));
    assert_eq!(serde_json::to_value(&voice).unwrap(), json!("marin"));
    assert_eq!("ash".parse::<Voice>(), Ok(Voice::Ash));
}

#[test]
fn number_or_inf_round_trips_both_forms() {
    use number_or_literal::limits::MaxOutputTokens;
    for value in [json!(4096), json!("inf")] {
        let parsed: MaxOutputTokens = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(serde_json::to_value(parsed).unwrap(), value);
    }
    assert_eq!(
        serde_json::from_value::<MaxOutputTokens>(json!(7)).unwrap(),
        MaxOutputTokens::Number(7)
    );
}

#[test]
fn keyword_fields_keep_wire_names() {
    let value = json!({"type": "t", "self": "s", "Self": "S", "crate": "c", "async": "a", "foo_bar": "x", "fooBar": "y", "content-type": "ct", "$ref": "r", "2fa": true});
    let parsed: keywords::Keywords = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(parsed.r#type, "t");
    // Each key into its own field, however alike the names.
    assert_eq!(parsed.self_.as_deref(), Some("s"));
    assert_eq!(parsed.self_2.as_deref(), Some("S"));
    assert_eq!(parsed.foo_bar.as_deref(), Some("y"));
    assert_eq!(parsed.foo_bar_2.as_deref(), Some("x"));
    assert_eq!(serde_json::to_value(&parsed).unwrap(), value);
}

/// A struct of thirty fields, whose slots nest: every key reaches its own field, in any
/// order; a repeated key, an absent required one and a present `null` read as in a small one.
#[test]
fn wide_structs_read_every_key_into_its_field() {
    let mut object = serde_json::Map::new();
    for i in (0..30).rev() {
        let value = match i % 3 {
            0 => json!(i),
            _ => json!(format!("v{i}")),
        };
        object.insert(format!("f{i}"), value);
    }
    let value = serde_json::Value::Object(object);
    let wide: wide::Wide = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(wide.f27, 27.0);
    assert_eq!(wide.f28.as_deref(), Some("v28"));
    assert_eq!(wide.f29, Some(Some("v29".to_owned())));
    assert_eq!(wide.f13.as_deref(), Some("v13"));
    let written = serde_json::to_value(&wide).unwrap();
    assert_eq!(written, value);
    let error = |text: &str| serde_json::from_str::<wide::Wide>(text).unwrap_err().to_string();
    assert_eq!(error(r#"{"f25":"a","f25":"b"}"#), "duplicate field `f25` at line 1 column 16");
    assert_eq!(error(r#"{"f0":0,"f3":3}"#), "missing field `f6` at line 1 column 15");
    let nulls: wide::Wide = serde_json::from_str(
        r#"{"f29":null,"f0":0,"f3":3,"f6":6,"f9":9,"f12":12,"f15":15,"f18":18,"f21":21,"f24":24,"f27":27}"#,
    )
    .unwrap();
    assert_eq!(nulls.f29, Some(None));
    assert_eq!(nulls.f26, None);
}

#[test]
fn nullable_required_field_serializes_null() {
    let parsed: primitives::Scalars = serde_json::from_value(json!({"text": "t", "flag": true, "amount": 1.5, "anything": [1], "loose": null, "nullable": null})).unwrap();
    assert_eq!(parsed.nullable, None);
    assert_eq!(serde_json::to_value(&parsed).unwrap()["nullable"], json!(null));
}

#[test]
fn optional_nullable_field_keeps_absent_null_and_value_apart() {
    let base =
        json!({"text": "t", "flag": true, "amount": 1, "anything": 1, "loose": 2, "nullable": 3.5});
    for (maybe, expected) in [
        (None, None),
        (Some(json!(null)), Some(None)),
        (Some(json!("x")), Some(Some("x".to_owned()))),
    ] {
        let mut value = base.clone();
        if let Some(maybe) = maybe {
            value["maybe"] = maybe;
        }
        let parsed: primitives::Scalars = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(parsed.maybe, expected);
        assert_eq!(serde_json::to_value(&parsed).unwrap(), value);
    }
}

#[test]
fn recursive_payloads_round_trip() {
    use recursive::{Comment, Expression, Filter, Node};
    let list = json!({"value": "a", "previous": null, "next": {"value": "b", "previous": {"value": "c", "previous": null}}});
    let parsed: Node = serde_json::from_value(list.clone()).unwrap();
    assert_eq!(parsed.next.as_ref().unwrap().previous.as_ref().unwrap().value, "c");
    assert_eq!(serde_json::to_value(&parsed).unwrap(), list);

    let expression = json!({"left": {"group": {"left": {"value": 1}, "op": "plus"}}});
    let parsed: Expression = serde_json::from_value(expression.clone()).unwrap();
    assert_eq!(serde_json::to_value(&parsed).unwrap(), expression);

    let thread = json!({"text": "hi", "reply": {"author": "b", "comment": {"text": "yo"}}});
    let parsed: Comment = serde_json::from_value(thread.clone()).unwrap();
    assert_eq!(parsed.reply.as_ref().unwrap().comment.text, "yo");
    assert_eq!(serde_json::to_value(&parsed).unwrap(), thread);

    let filter = json!({"type": "and", "filters": [{"key": "k", "value": "v"}], "not": {"type": "or", "filters": []}});
    let parsed: Filter = serde_json::from_value(filter.clone()).unwrap();
    let Filter::Compound(compound) = &parsed else { panic!("expected a compound filter") };
    assert!(matches!(compound.filters[0], Filter::Comparison(_)));
    assert!(matches!(compound.not.as_ref(), Some(Filter::Compound(_))));
    assert_eq!(serde_json::to_value(&parsed).unwrap(), filter);

    // Aliases that refer to themselves (newtypes) read and write their values.
    let tree: recursive::Tree = round_trips(r#"["root",[["leaf",[]]]]"#);
    assert_eq!(tree.1[0].0 .0, "leaf");
    round_trips::<recursive::Dict>(r#"{"a":{"b":{}}}"#);
    let chain: recursive::Chain = round_trips(r#"["a",["b",null]]"#);
    assert!(chain.1.as_ref().is_some_and(|next| next.1.is_none()));
    round_trips::<recursive::Rows>("[[[],[[]]]]");
}

#[test]
fn self_referencing_intersection_round_trips_nested_values() {
    use recursive_intersection::Session;
    let wire = json!({"name": "outer", "secret": {"name": "inner", "value": "k1", "secret": {"name": "deepest", "value": "k2"}}});
    let session: Session = serde_json::from_value(wire.clone()).unwrap();
    let inner = session.secret.as_ref().unwrap();
    assert_eq!(inner.value, "k1");
    assert_eq!(inner.secret.as_ref().unwrap().name, "deepest");
    assert_eq!(serde_json::to_value(&session).unwrap(), wire);
}

#[test]
fn numeric_enums_read_and_write_their_numbers() {
    use enums::{ChannelType, Permission};
    for (value, wire) in
        [(ChannelType::GuildText, 0), (ChannelType::GroupDm, 3), (ChannelType::Lost, -1)]
    {
        assert_eq!(serde_json::to_value(value).unwrap(), json!(wire));
        assert_eq!(serde_json::from_value::<ChannelType>(json!(wire)).unwrap(), value);
    }
    assert_eq!(serde_json::to_value(Permission::Owner).unwrap(), json!(8));
    let err = serde_json::from_value::<ChannelType>(json!(7)).unwrap_err().to_string();
    assert!(err.contains("expected one of 0, 1, 2, 3, 4, -1"), "{err}");
    assert!(serde_json::from_value::<ChannelType>(json!("0")).is_err());
}

#[test]
fn string_enums_keep_wire_strings_and_open_ones_keep_unknown_values() {
    use enums::Locale;
    assert_eq!(serde_json::to_value(Locale::EnglishUs).unwrap(), json!("en-US"));
    let unknown: Locale = serde_json::from_value(json!("fr")).unwrap();
    assert_eq!(unknown, Locale::Other("fr".to_owned()));
    assert_eq!(serde_json::to_value(&unknown).unwrap(), json!("fr"));
}

#[test]
fn index_signatures_keep_unknown_keys_in_place() {
    let payload = json!({ "id": "m1", "count": 2.5, "colour": "red", "nested": { "a": [1, 2] } });
    let parsed: index_signatures::Metadata = serde_json::from_value(payload.clone()).unwrap();
    assert_eq!(parsed.extra["colour"], json!("red"));
    assert_eq!(serde_json::to_value(&parsed).unwrap(), payload);
}

#[test]
fn tuples_round_trip_as_arrays() {
    let payload = json!({
        "point": [1.5, 2], "entry": ["a", true], "range": [1],
        "path": ["root", 1, 2], "labelled": ["w", 0.5]
    });
    let parsed: tuples::Shapes = serde_json::from_value(payload.clone()).unwrap();
    assert_eq!(parsed.point, (1.5, 2.0));
    assert_eq!(serde_json::to_value(&parsed).unwrap(), payload);
}

#[test]
fn indexed_access_payloads_read_as_the_member_type() {
    let user: indexed_access::UserResponse =
        serde_json::from_value(json!({ "id": 1, "login": "octocat" })).unwrap();
    assert_eq!(user.login, "octocat");
    let key: indexed_access::UserKey = serde_json::from_value(json!("login")).unwrap();
    assert_eq!(key.as_str(), "login");
}

#[test]
fn types_from_outside_the_input_are_usable_through_the_input() {
    use imports::chat::ChatListParams;
    use imports::external::core::order::Order;
    let params = ChatListParams { order: Some(Order::Desc), ..ChatListParams::default() };
    assert_eq!(serde_json::to_value(params).unwrap(), json!({ "order": "desc" }));
    // Re-exported by the input from outside it.
    assert_eq!(serde_json::to_value(imports::files::Status::Failed).unwrap(), json!("failed"));
    // Named by `import()` types.
    let job: imports::jobs::Job = serde_json::from_value(json!({
        "order": "asc",
        "page": { "data": [{ "id": "file-1" }], "has_more": false },
    }))
    .unwrap();
    assert_eq!(job.order, Order::Asc);
    assert_eq!(job.page.unwrap().data[0].id, "file-1");
}

#[test]
fn an_interface_extending_array_reads_an_array() {
    let value: arrays::JsonValue = serde_json::from_value(json!([["a", null], 1.0])).unwrap();
    let arrays::JsonValue::JsonArray(items) = value else { panic!("not an array: {value:?}") };
    assert_eq!(items.len(), 2);
}

#[test]
fn runtime_objects_are_left_out_of_the_data_that_holds_them() {
    let upload: runtime_objects::Upload =
        serde_json::from_value(json!({ "id": "u1", "source": "text", "file": {} })).unwrap();
    assert_eq!(upload.source.as_deref(), Some("text"));
    assert_eq!(serde_json::to_value(&upload).unwrap(), json!({ "id": "u1", "source": "text" }));
}

#[test]
fn a_generic_struct_of_a_type_without_default_reads_absent_fields() {
    let holder: coherence::Holder = serde_json::from_value(json!({ "wrapped": {} })).unwrap();
    assert_eq!(holder.wrapped.value, None);
    let holder: coherence::Holder =
        serde_json::from_value(json!({ "wrapped": { "value": "a", "list": ["a"] } })).unwrap();
    assert_eq!(holder.wrapped.value, Some(coherence::Unit::A));
}

#[test]
fn one_of_reads_each_shape() {
    for value in [json!({ "number": "4242" }), json!({ "iban": "DE00" }), json!("cash")] {
        let payment: conditional_types::Payment =
            serde_json::from_value(json!({ "method": value, "plain": true })).unwrap();
        assert_eq!(serde_json::to_value(&payment).unwrap()["method"], value);
    }
}

#[test]
fn open_const_object_enums_read_known_values_first() {
    use const_object_enums::AudioEncoding;
    let known: AudioEncoding = serde_json::from_value(json!("pcm_alaw")).unwrap();
    assert!(!matches!(known, AudioEncoding::Unrecognized(_)), "{known:?}");
    let other: AudioEncoding = serde_json::from_value(json!("opus")).unwrap();
    assert_eq!(other, AudioEncoding::Unrecognized("opus".to_owned()));
    assert_eq!(serde_json::to_value(&other).unwrap(), json!("opus"));
}

/// `text` (compact JSON, keys in declaration order) read as `T` and written back: the same
/// text, as `JSON.stringify` would write it (so integers stay integers).
fn round_trips<T: serde::de::DeserializeOwned + serde::Serialize>(text: &str) -> T {
    let parsed: T = serde_json::from_str(text).unwrap();
    assert_eq!(serde_json::to_string(&parsed).unwrap(), text);
    parsed
}

#[test]
fn numbers_are_written_as_javascript_writes_them() {
    let parsed: numbers::Measurements = round_trips(concat!(
        r#"{"count":1,"ratio":0.5,"samples":[1,2.5,-3,0],"nested":[[1],[]],"maybe":2,"#,
        r#""later":null,"by_name":{"a":1,"b":1.5},"point":[1,2.25],"labelled":["w",3],"#,
        r#""either":4,"alias":5,"total_tokens":6,"fraction":1.25,"list":[1,2],"other":7,"#,
        r#""pair":[8,9]}"#
    ));
    assert_eq!(parsed.count, 1.0);
    assert_eq!(parsed.total_tokens, 6);
    round_trips::<numbers::Scores>(r#"{"best":10,"ann":3,"bob":2.5}"#);
    // Past 2^53, the shortest digits padded with zeros, as JavaScript writes 2^60.
    let large = numbers::Scores { best: 2f64.powi(60), extra: Default::default() };
    assert_eq!(serde_json::to_string(&large).unwrap(), r#"{"best":1152921504606847000}"#);
    // -0 is written `0`; what JSON cannot hold, `null`, as JavaScript does.
    let odd = numbers::Scores {
        best: -0.0,
        extra: [("nan".to_owned(), f64::NAN), ("big".to_owned(), 1e300)].into_iter().collect(),
    };
    assert_eq!(serde_json::to_string(&odd).unwrap(), r#"{"best":0,"big":1e+300,"nan":null}"#);
}

#[test]
fn named_containers_of_numbers_write_them_as_javascript_does_as_whole_payloads() {
    let languages: numbers::Languages = round_trips(r#"{"Rust":78769,"TypeScript":0.5}"#);
    assert_eq!(languages.get("Rust"), Some(&78769.0));
    round_trips::<numbers::CodeFrequencies>("[[1302998400,1124,-435],[1,2.5]]");
    let mut weeks = numbers::CodeFrequency::from(vec![1.0, 2.0]);
    weeks.push(3.0);
    assert_eq!(serde_json::to_string(&weeks).unwrap(), "[1,2,3]");
    round_trips::<numbers::Totals>("[1,2.5]");
    let amounts: numbers::Amounts = vec![1.0, 0.25].into();
    assert_eq!(serde_json::to_string(&amounts).unwrap(), "[1,0.25]");
    // An alias of a bare number stays an alias (`f64`).
    let amount: numbers::Amount = 2.0;
    assert_eq!(amounts[0] + amount, 3.0);
}

#[test]
fn bare_null_keeps_absent_and_null_apart() {
    let parsed: null_and_undefined::Hints =
        round_trips(r#"{"help":null,"placeholder":null,"reset":null}"#);
    assert_eq!((parsed.help, parsed.reset, parsed.label), (Some(()), Some(()), None));
    let parsed: null_and_undefined::Hints =
        round_trips(r#"{"placeholder":null,"label":"l","note":null}"#);
    assert_eq!((parsed.help, parsed.note), (None, Some(None)));
    round_trips::<null_and_undefined::Hints>(r#"{"placeholder":null,"note":"n"}"#);
    let parsed: null_and_undefined::Hints = round_trips(r#"{"placeholder":null,"meta":null}"#);
    assert_eq!(parsed.meta, Some(serde_json::Value::Null));
}

#[test]
fn merged_intersections_keep_every_field_of_both_sides() {
    let parsed: intersection_merge::Featured = round_trips(
        r#"{"post":{"title":"t","author":{"id":"1","name":"n","verified":true,"bio":null}}}"#,
    );
    assert!(parsed.post.author.verified);
    round_trips::<intersection_merge::Narrowed>(r#"{"kind":"banner","note":"x","size":3}"#);
    assert!(serde_json::from_value::<intersection_merge::Narrowed>(
        json!({"kind": "other", "note": "x", "size": 3})
    )
    .is_err());
}

#[test]
fn lagging_types_read_what_the_server_sends_and_write_it_back() {
    // A key the declarations lack, a required key left out and another `null`.
    let parsed: server_lag::SessionResponse =
        round_trips(r#"{"id":null,"extra":true,"model":"gpt","object":{"kind":1}}"#);
    assert_eq!(parsed.id, Some(None));
    assert_eq!(parsed.r#type, None);
    assert_eq!(parsed.extra_2["model"], json!("gpt"));
    round_trips::<server_lag::SessionResponse>(
        r#"{"id":"s","type":"realtime","expires_at":1700000000,"note":"n","extra":false}"#,
    );
    // An optional field sent as `null` is kept and written back, not dropped.
    let parsed: server_lag::SessionResponse = round_trips(r#"{"note":null}"#);
    assert_eq!(parsed.note, Some(None));
    // Not selected: a missing required field is an error.
    assert!(serde_json::from_str::<server_lag::SessionRequest>("{}").is_err());
}

mod tagged {
    use super::discriminated_unions::*;
    use serde::de::DeserializeOwned;
    use serde::Serialize;
    use serde_json::{json, Value};

    /// Reads `value` as `T` and writes it back unchanged.
    fn round_trip<T: DeserializeOwned + Serialize>(value: Value) -> T {
        let read: T = serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(serde_json::to_value(&read).unwrap(), value);
        read
    }

    /// The error reading `value` as `T`, from JSON text (as a user would read it).
    fn error<T: DeserializeOwned + std::fmt::Debug>(value: Value) -> String {
        serde_json::from_str::<T>(&value.to_string()).unwrap_err().to_string()
    }

    #[test]
    fn shared_tag_values_try_each_member() {
        let issue = json!({ "action": "created", "issue": { "id": 1, "title": "t" } });
        assert!(matches!(round_trip::<IssueEvent>(issue), IssueEvent::IssueCreated(_)));
        let comment = json!({ "action": "created", "comment": { "body": "b" } });
        assert!(matches!(round_trip::<IssueEvent>(comment), IssueEvent::CommentCreated(_)));
        let deleted = json!({ "action": "deleted", "issue": { "id": 2, "title": "t" } });
        assert!(matches!(round_trip::<IssueEvent>(deleted), IssueEvent::IssueDeleted(_)));
        // Neither member of `created` fits: each one's error.
        let err = error::<IssueEvent>(json!({ "action": "created", "issue": { "id": 1 } }));
        assert!(err.starts_with("no variant for this tag matched (IssueCreated: missing field `title`; CommentCreated: missing field `comment`)"), "{err}");
    }

    #[test]
    fn a_uniquely_tagged_member_keeps_its_own_error() {
        let err = error::<IssueEvent>(
            json!({ "action": "deleted", "issue": { "id": "x", "title": "t" } }),
        );
        assert!(err.starts_with("invalid type: string \"x\", expected f64"), "{err}");
        let err = error::<Shape>(json!({ "kind": "square", "side": "wide" }));
        assert!(err.starts_with("invalid type: string \"wide\", expected f64"), "{err}");
        let err = error::<Channel>(json!({ "type": 2 }));
        assert!(err.starts_with("missing field `bitrate`"), "{err}");
        // Through a nested union, too.
        let err = error::<Drawing>(json!({ "kind": "circle" }));
        assert!(err.starts_with("missing field `radius`"), "{err}");
    }

    #[test]
    fn unknown_missing_and_misplaced_tags_say_so() {
        let err = error::<Shape>(json!({ "kind": "hexagon" }));
        assert!(
            err.starts_with("unknown variant `hexagon`, expected `circle` or `square`"),
            "{err}"
        );
        let err = error::<Channel>(json!({ "type": 7 }));
        assert!(
            err.starts_with("invalid value: integer `7`, expected one of 0, 5, 2, 4, 10, 11, 12"),
            "{err}"
        );
        let err = error::<Channel>(json!({ "topic": "t" }));
        assert!(err.starts_with("missing field `type`"), "{err}");
        let err = error::<Channel>(json!("text"));
        assert!(err.starts_with("invalid type: string \"text\", expected an object"), "{err}");
    }

    #[test]
    fn every_kind_of_member_round_trips() {
        round_trip::<Shape>(json!({ "kind": "circle", "radius": 1.5 }));
        assert!(matches!(
            round_trip::<Block>(json!({ "type": "image", "url": "u" })),
            Block::Image(_)
        ));
        round_trip::<Item>(json!({ "id": "a", "type": "folder", "children": 2 }));
        assert!(matches!(
            round_trip::<Drawing>(json!({ "kind": "square", "side": 2 })),
            Drawing::Shape(Shape::Square(_))
        ));
        round_trip::<Drawing>(json!({ "kind": "line", "length": 3 }));
        for (value, text) in [(0, true), (5, true), (2, false)] {
            let channel = if text {
                json!({ "type": value, "topic": "t" })
            } else {
                json!({ "type": value, "bitrate": 64 })
            };
            let read: Channel = round_trip(channel);
            assert_eq!(matches!(read, Channel::Chat(_)), text);
        }
        let thread: Channel = round_trip(json!({ "type": 11, "parent_id": "p" }));
        assert!(matches!(thread, Channel::Thread(_)));
        round_trip::<Outcome>(json!({ "ok": false, "error": "e" }));
        round_trip::<Message>(json!({ "event": "pong", "data": { "latency": 1 } }));
        round_trip::<Public>(json!({ "type": "empty" }));
        let wave = round_trip::<Social>(json!({ "locale": "fr", "kind": "hello", "hand": "left" }));
        assert!(matches!(wave, Social::Wave(_)));
        let hello = round_trip::<Social>(json!({ "locale": "de", "kind": "hello" }));
        assert!(matches!(hello, Social::Greeting(_)));
        // `op: 10` is an `f64` field, written as JavaScript writes it; `10.0` reads as 10 too.
        round_trip::<Payload>(json!({ "op": 10, "d": { "heartbeat_interval": 45 } }));
        let float: Payload =
            serde_json::from_value(json!({ "op": 10.0, "d": { "heartbeat_interval": 45 } }))
                .unwrap();
        assert!(matches!(float, Payload::Op10(_)));
    }
}

/// Round trip of a value two members of an untagged union read: the one with more keys.
#[test]
fn untagged_union_reads_the_member_that_keeps_every_key() {
    use union_specificity::{ruleset::Conditions, OrgConditions, Ruleset};
    let value = json!({"conditions": {"ref_name": {"include": ["main"]}, "repository_name": {"include": ["a"]}}});
    let parsed: Ruleset = serde_json::from_value(value.clone()).unwrap();
    assert!(
        matches!(
            parsed.conditions,
            Some(Some(Conditions::OrgConditions(OrgConditions::Variant0(_))))
        ),
        "{parsed:?}"
    );
    assert_eq!(serde_json::to_value(&parsed).unwrap(), value);
    let only_ref = json!({"conditions": {"ref_name": {"include": ["main"]}}});
    let parsed: Ruleset = serde_json::from_value(only_ref.clone()).unwrap();
    assert!(matches!(parsed.conditions, Some(Some(Conditions::RefConditions(_)))), "{parsed:?}");
    assert_eq!(serde_json::to_value(&parsed).unwrap(), only_ref);
}

/// Round trip through a `OneOf`: a member with a key another declares `?: never` is not read.
#[test]
fn one_of_members_exclude_each_others_keys() {
    use union_one_of::{merge_result, queued, MergeResult, Queued};
    for value in [
        json!({"details": {"message": "m", "uuid": "u"}}),
        json!({"details": {"message": "m", "sha": "s"}}),
        json!({"details": {"message": "m"}}),
    ] {
        let parsed: Queued = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(serde_json::to_value(&parsed).unwrap(), value);
    }
    let parsed: Queued =
        serde_json::from_value(json!({"details": {"message": "m", "uuid": "u"}})).unwrap();
    assert!(matches!(parsed.details, queued::Details::Variant1(_)), "{parsed:?}");
    for value in [
        json!({"details": {"message": "m", "uuid": "u"}}),
        json!({"details": {"message": "m", "sha": "s"}}),
        json!({"details": {"message": "m"}}),
    ] {
        let parsed: MergeResult = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(serde_json::to_value(&parsed).unwrap(), value);
    }
    let parsed: MergeResult =
        serde_json::from_value(json!({"details": {"message": "m", "uuid": "u"}})).unwrap();
    assert!(
        matches!(
            parsed.details,
            merge_result::Details::Variant1(merge_result::details::Variant1::Variant1(_))
        ),
        "{parsed:?}"
    );
    // A variant that writes itself (it holds a float) leaves its `?: never` keys out too.
    for value in [json!({"details": {"score": 1, "uuid": "u"}}), json!({"details": {"score": 2.5}})]
    {
        let parsed: union_one_of::Scored = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(serde_json::to_value(&parsed).unwrap(), value);
    }
    // Outside a union, `?: never` is no field and nothing checks it.
    let plain: union_one_of::Plain =
        serde_json::from_value(json!({"name": "n", "legacy": 1})).unwrap();
    assert_eq!(serde_json::to_value(&plain).unwrap(), json!({"name": "n"}));
}

/// Round trip of timeline events: a member whose required `T | null` key is missing is not
/// read (serde alone would read `None`, drop `html_url` and write `"commit_id": null`).
#[test]
fn required_nullable_keys_choose_the_untagged_variant() {
    use union_required_null::{Event, Standalone};
    let events = json!([
        {"id": 1, "event": "labeled", "commit_id": null},
        {"id": 2, "event": "commented", "html_url": "https://github.com/o/r/issues/1#c"},
        {"id": 3, "event": "labeled", "commit_id": "abc"},
    ]);
    let parsed: Vec<Event> = serde_json::from_value(events.clone()).unwrap();
    assert!(matches!(parsed[0], Event::Labeled(_)), "{parsed:?}");
    assert!(matches!(parsed[1], Event::Commented(_)), "{parsed:?}");
    assert_eq!(serde_json::to_value(&parsed).unwrap(), events);
    // Outside a union, serde's own reading: a missing `T | null` is `None`, written as `null`.
    let standalone: Standalone = serde_json::from_value(json!({})).unwrap();
    assert_eq!(standalone.commit_id, None);
}

/// Structs are read by an impl of their own, not serde's derive (issue 11: it halves rustc's
/// time on the bindings). This twin is what the derive read before; both must agree on every
/// object, its errors included, so the change is invisible on the wire.
mod struct_reads {
    use super::primitives::Scalars;
    use serde::Deserialize;

    /// The support function the derive read `a?: T | null` through.
    fn double_option<'de, T: Deserialize<'de>, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(deserializer).map(Some)
    }

    #[derive(Debug, Deserialize)]
    struct ScalarsByDerive {
        text: String,
        flag: bool,
        amount: f64,
        anything: serde_json::Value,
        loose: serde_json::Value,
        #[serde(default, deserialize_with = "double_option")]
        maybe: Option<Option<String>>,
        nullable: Option<f64>,
        #[serde(default)]
        id: Option<i64>,
    }

    /// What reading `text` gives, as text: the value's fields or the error.
    fn read<T: for<'de> Deserialize<'de> + std::fmt::Debug>(text: &str) -> String {
        match serde_json::from_str::<T>(text) {
            Ok(value) => format!("{value:?}").replace("ScalarsByDerive", "Scalars"),
            Err(error) => error.to_string().replace("ScalarsByDerive", "Scalars"),
        }
    }

    #[test]
    fn structs_read_by_hand_read_as_serdes_derive() {
        let cases = [
            // Every field, and keys in another order.
            r#"{"text":"a","flag":true,"amount":1.5,"anything":[1],"loose":null,"maybe":"m","nullable":2,"id":7}"#,
            r#"{"id":7,"nullable":null,"maybe":null,"loose":{},"anything":1,"amount":0,"flag":false,"text":""}"#,
            // Absent optional fields, and an absent required `T | null`: `None`.
            r#"{"text":"a","flag":true,"amount":1,"anything":1,"loose":1}"#,
            // An absent required field of another type: "missing field".
            r#"{"flag":true,"amount":1,"anything":1,"loose":1}"#,
            r#"{"text":"a","flag":true,"amount":1,"loose":1}"#,
            // A repeated key: "duplicate field".
            r#"{"text":"a","text":"b","flag":true,"amount":1,"anything":1,"loose":1}"#,
            r#"{"maybe":null,"maybe":"x","text":"a","flag":true,"amount":1,"anything":1,"loose":1}"#,
            // Unknown keys are skipped, whatever they hold.
            r#"{"other":{"deep":[1,{"x":null}]},"text":"a","flag":true,"amount":1,"anything":1,"loose":1}"#,
            // An escaped key is the same key.
            r#"{"t\u0065xt":"a","flag":true,"amount":1,"anything":1,"loose":1}"#,
            // Values of the wrong type, and not an object.
            r#"{"text":"a","flag":"yes","amount":1,"anything":1,"loose":1}"#,
            r#""text""#,
            r#"null"#,
            r#"{"text":"a""#,
        ];
        for case in cases {
            assert_eq!(read::<Scalars>(case), read::<ScalarsByDerive>(case), "{case}");
        }
        // Through a `serde_json::Value` (as tagged unions read their members) too.
        let value = serde_json::json!({"text": "a", "flag": true, "amount": 1, "anything": 1, "loose": 1, "maybe": null});
        let by_hand: Scalars = serde_json::from_value(value.clone()).unwrap();
        let by_derive: ScalarsByDerive = serde_json::from_value(value).unwrap();
        assert_eq!(
            format!("{by_hand:?}"),
            format!("{by_derive:?}").replace("ScalarsByDerive", "Scalars")
        );
    }

    /// Several required keys absent: the error names the first in the struct's order, as the
    /// derive's does, whether the field's type is known to fail when absent (`i64`) or only
    /// its own `Deserialize` knows (types from the config: `Box<str>` fails, `Option<u8>`
    /// reads `None`).
    #[test]
    fn absent_keys_read_as_serdes_derive() {
        #[derive(Debug, Deserialize)]
        struct SessionByDerive {
            label: Box<str>,
            created_at: i64,
            retries: Option<u8>,
        }
        fn read_session(text: &str) -> String {
            match serde_json::from_str::<super::config::Session>(text) {
                Ok(s) => format!("{:?} {:?} {:?}", s.label, s.created_at, s.retries),
                Err(error) => error.to_string(),
            }
        }
        fn read_twin(text: &str) -> String {
            match serde_json::from_str::<SessionByDerive>(text) {
                Ok(s) => format!("{:?} {:?} {:?}", s.label, s.created_at, s.retries),
                Err(error) => error.to_string(),
            }
        }
        for case in [
            r#"{"label":"l","created_at":1,"retries":2}"#,
            r#"{"label":"l","created_at":1}"#,
            r#"{"created_at":1}"#,
            r#"{"label":"l"}"#,
            r#"{"retries":2}"#,
            r#"{}"#,
        ] {
            assert_eq!(read_session(case), read_twin(case), "{case}");
        }
        assert_eq!(read_session("{}"), "missing field `label` at line 1 column 2");
        for case in [
            r#"{}"#,
            r#"{"amount":1}"#,
            r#"{"text":"a","amount":1}"#,
            r#"{"text":"a","flag":true,"amount":1,"anything":1}"#,
        ] {
            assert_eq!(read::<Scalars>(case), read::<ScalarsByDerive>(case), "{case}");
        }
    }

    /// A struct written by hand stops at the first error and returns it: nothing more is
    /// written once the writer fails, wherever it fails.
    #[test]
    fn writing_stops_at_the_first_error() {
        /// Holds up to `limit` bytes, then fails every write, counting them.
        struct FailAfter {
            written: Vec<u8>,
            limit: usize,
            failed: usize,
        }
        impl std::io::Write for FailAfter {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                let room = self.limit - self.written.len();
                if room == 0 {
                    self.failed += 1;
                    return Err(std::io::Error::other("full"));
                }
                let n = room.min(buf.len());
                self.written.extend_from_slice(&buf[..n]);
                Ok(n)
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let text = r#"{"text":"a","flag":true,"amount":1,"anything":[1],"loose":null,"maybe":"m","nullable":2,"id":7}"#;
        let value: Scalars = serde_json::from_str(text).unwrap();
        let whole = serde_json::to_string(&value).unwrap();
        assert_eq!(whole, text);
        for limit in 0..whole.len() {
            let mut out = FailAfter { written: Vec::new(), limit, failed: 0 };
            let result = serde_json::to_writer(&mut out, &value);
            assert!(result.is_err(), "{limit}");
            assert_eq!(out.failed, 1, "written after the error at {limit}");
            assert_eq!(out.written, whole.as_bytes()[..limit], "{limit}");
        }
    }

    /// The one difference: serde's derive also reads a struct from an array of its fields in
    /// order, which no JSON that TypeScript's type describes is. Such an array is an error.
    #[test]
    fn an_array_is_not_a_struct() {
        let array = r#"["a",true,1,1,1,null,null,null]"#;
        assert!(serde_json::from_str::<ScalarsByDerive>(array).is_ok());
        assert_eq!(
            read::<Scalars>(array),
            "invalid type: sequence, expected struct Scalars at line 1 column 1"
        );
    }
}

mod scratch;

/// Every snapshot as a public module of a library crate under `#![deny(warnings)]`, as a user's
/// crate holds generated code: only there do its `pub use`s count as used, so only there does
/// rustc say when one brings no name (here the snapshots are private, and their re-exports
/// allowed to go unused); and documented by rustdoc under `-D warnings`. Slow (a scratch crate builds serde), hence ignored; CI runs it with
/// `cargo test -p dts2rs --test snapshots_compile -- --ignored`.
#[test]
#[ignore]
fn snapshots_compile_as_public_modules_of_a_library() {
    let snapshots = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut names: Vec<String> = std::fs::read_dir(&snapshots)
        .expect("the snapshots folder")
        .map(|entry| entry.expect("a snapshot").file_name().to_string_lossy().into_owned())
        .filter_map(|name| name.strip_suffix(".rs").map(str::to_owned))
        .collect();
    names.sort();
    assert!(names.len() > 40, "every snapshot, not a few: {names:?}");
    let mut lib = String::from("#![deny(warnings)]\n");
    for name in &names {
        let path = snapshots.join(format!("{name}.rs"));
        lib.push_str(&format!("pub mod {name} {{\n    include!({:?});\n}}\n", path));
    }
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("src")).unwrap();
    std::fs::write(dir.path().join("src/lib.rs"), lib).unwrap();
    std::fs::write(
        dir.path().join("Cargo.toml"),
        "[package]\nname = \"snapshots\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n[dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\n\n[workspace]\n",
    )
    .unwrap();
    let output = scratch::cargo(dir.path(), &["build"], "snapshot-library");
    assert!(
        output.status.success(),
        "the snapshots do not compile as a library:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Their docs are rustdoc-clean too: the links dts2rs writes, the fences it keeps.
    let env = [("RUSTDOCFLAGS", "-D warnings")];
    let output = scratch::cargo_with(dir.path(), &["doc", "--no-deps"], "snapshot-library", &env);
    assert!(
        output.status.success(),
        "rustdoc rejects the snapshots' docs:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
