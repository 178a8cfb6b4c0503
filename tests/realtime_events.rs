//! Realtime API events (written from the OpenAI API reference) through the tagged event enums:
//! parse, check the variant, serialize, compare as JSON values.

use dts2rs_bindings::openai::resources::beta::realtime::realtime::{
    conversation_item, error_event, rate_limits_updated_event, RealtimeClientEvent,
    RealtimeServerEvent, ResponseAudioDeltaEvent,
};
use pretty_assertions::assert_eq;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

fn event(name: &str) -> Value {
    let path = format!("{}/tests/payloads/events/{name}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect(&path)).expect(&path)
}

/// Parses the event payload `name` as `T`, checks it serializes back to the same JSON value.
fn round_trip<T: DeserializeOwned + Serialize>(name: &str) -> T {
    let value = event(name);
    let parsed: T = serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(serde_json::to_value(&parsed).unwrap(), value, "{name} round trip");
    parsed
}

#[test]
fn session_created() {
    let RealtimeServerEvent::SessionCreated(event) = round_trip("session.created") else {
        panic!("variant")
    };
    assert_eq!(event.session.id.as_deref(), Some("sess_001"));
}

#[test]
fn session_update_is_a_client_event() {
    let RealtimeClientEvent::SessionUpdate(event) = round_trip("session.update") else {
        panic!("variant")
    };
    assert_eq!(event.session.tools.as_ref().map(Vec::len), Some(1));
}

#[test]
fn response_done_with_usage() {
    let RealtimeServerEvent::ResponseDone(event) = round_trip("response.done") else {
        panic!("variant")
    };
    let usage = event.response.usage.as_ref().unwrap();
    assert_eq!(
        (usage.input_tokens, usage.output_tokens, usage.total_tokens),
        (Some(127), Some(148), Some(275))
    );
    assert_eq!(usage.input_token_details.as_ref().unwrap().cached_tokens, Some(384));
}

#[test]
fn response_audio_delta() {
    let RealtimeServerEvent::ResponseAudioDelta(event) = round_trip("response.audio.delta") else {
        panic!("variant")
    };
    assert_eq!(event.delta, "Base64EncodedAudioDelta");
}

#[test]
fn error_keeps_null_apart_from_absent() {
    let RealtimeServerEvent::Error(event) = round_trip("error") else { panic!("variant") };
    let error: &error_event::Error = &event.error;
    assert_eq!(error.param, Some(None), "`\"param\": null` is kept as null");
    assert_eq!(error.code, Some(Some("invalid_event".to_owned())));
}

#[test]
fn rate_limits_updated() {
    let RealtimeServerEvent::RateLimitsUpdated(event) = round_trip("rate_limits.updated") else {
        panic!("variant")
    };
    let first: &rate_limits_updated_event::RateLimit = &event.rate_limits[0];
    assert_eq!((first.limit, first.remaining), (Some(1000), Some(999)));
}

#[test]
fn conversation_item_created_with_a_function_call() {
    let RealtimeServerEvent::ConversationItemCreated(event) =
        round_trip("conversation.item.created")
    else {
        panic!("variant")
    };
    assert_eq!(event.item.r#type, Some(conversation_item::Type::FunctionCall));
    assert_eq!(event.item.arguments.as_deref(), Some("{\"location\":\"Paris\"}"));
}

#[test]
fn a_member_struct_alone_writes_its_tag() {
    let delta: ResponseAudioDeltaEvent =
        serde_json::from_value(event("response.audio.delta")).unwrap();
    assert_eq!(serde_json::to_value(&delta).unwrap()["type"], json!("response.audio.delta"));
    // And the enum writes the tag once: the text form has a single `"type"` key.
    let text =
        serde_json::to_string(&RealtimeServerEvent::ResponseAudioDelta(Box::new(delta))).unwrap();
    assert_eq!(text.matches("\"type\"").count(), 1, "{text}");
}

#[test]
fn unknown_and_missing_tags_are_errors_naming_them() {
    let err = serde_json::from_value::<RealtimeServerEvent>(json!({"type": "session.exploded"}))
        .unwrap_err();
    assert!(err.to_string().contains("unknown variant `session.exploded`"), "{err}");
    let err = serde_json::from_value::<RealtimeServerEvent>(json!({"event_id": "e"})).unwrap_err();
    assert!(err.to_string().contains("missing field `type`"), "{err}");
    // A known tag with a body that does not fit reports the body's problem.
    let err =
        serde_json::from_value::<RealtimeServerEvent>(json!({"type": "response.audio.delta"}))
            .unwrap_err();
    assert!(err.to_string().contains("missing field"), "{err}");
}
