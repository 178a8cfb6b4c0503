//! Real payloads (written from the OpenAI API reference) through the checked-in bindings:
//! parse, serialize, compare as JSON values.

use dts2rs_bindings::openai::resources::beta::realtime::sessions::{
    self, session, AudioFormat, MaxResponseOutputTokens, Session, SessionCreateParams,
    SessionCreateResponse, Voice,
};
use pretty_assertions::assert_eq;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

fn payload(name: &str) -> Value {
    let path = format!("{}/tests/payloads/{name}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect(&path)).expect(&path)
}

/// Parses `value` as `T` and serializes it back.
fn round_trip<T: DeserializeOwned + Serialize>(value: &Value) -> (T, Value) {
    let parsed: T = serde_json::from_value(value.clone()).expect("payload parses");
    let back = serde_json::to_value(&parsed).expect("serializes");
    (parsed, back)
}

#[test]
fn session_create_response_round_trips() {
    let value = payload("session_create_response");
    let (parsed, back) = round_trip::<SessionCreateResponse>(&value);
    assert_eq!(back, value);
    assert_eq!(parsed.client_secret.expires_at, 1234567890);
    assert_eq!(parsed.max_response_output_tokens, Some(MaxResponseOutputTokens::Inf));
    // Integers stay integers on the way back (`300`, not `300.0`).
    assert_eq!(back["turn_detection"]["prefix_padding_ms"], json!(300));
}

#[test]
fn api_response_keeps_what_the_declarations_describe() {
    // The live API returns `id`, `object` and `model`, which openai 4.104.0's
    // `SessionCreateResponse` does not declare, and `null` for a turned-off `turn_detection`.
    // They are read without error; the declared fields come back unchanged.
    let value = payload("session_create_response_api");
    let (parsed, back) = round_trip::<SessionCreateResponse>(&value);
    assert_eq!(parsed.turn_detection, None);
    let mut expected = value.clone();
    let object = expected.as_object_mut().unwrap();
    for undeclared_or_null in ["id", "object", "model", "turn_detection"] {
        object.remove(undeclared_or_null);
    }
    assert_eq!(back, expected);
    assert_eq!(back["max_response_output_tokens"], json!(200));
}

#[test]
fn session_with_every_field_round_trips() {
    let value = payload("session_full");
    let (parsed, back) = round_trip::<Session>(&value);
    assert_eq!(back, value);
    // `marin` is not among the voices the declarations list.
    assert_eq!(parsed.voice, Some(Voice::Other("marin".to_owned())));
    assert_eq!(parsed.max_response_output_tokens, Some(MaxResponseOutputTokens::Number(4096)));
    assert_eq!(parsed.input_audio_format, Some(session::InputAudioFormat::G711Ulaw));
    assert_eq!(
        parsed.turn_detection.unwrap().eagerness,
        Some(session::turn_detection::Eagerness::High)
    );
}

#[test]
fn max_response_output_tokens_takes_a_number_or_inf() {
    let mut value = payload("session_full");
    value["max_response_output_tokens"] = json!("inf");
    let (parsed, back) = round_trip::<Session>(&value);
    assert_eq!(parsed.max_response_output_tokens, Some(MaxResponseOutputTokens::Inf));
    assert_eq!(back, value);
}

#[test]
fn session_create_params_round_trip_and_default_is_empty() {
    let value = payload("session_create_params");
    let (parsed, back) = round_trip::<SessionCreateParams>(&value);
    assert_eq!(back, value);
    let expires_at = parsed.client_secret.unwrap().expires_at.unwrap();
    assert_eq!(expires_at.seconds, Some(600));
    assert_eq!(serde_json::to_value(SessionCreateParams::default()).unwrap(), json!({}));
}

#[test]
fn unknown_closed_enum_value_is_an_error_naming_it() {
    let mut value = payload("session_full");
    value["input_audio_format"] = json!("mp3");
    let err = serde_json::from_value::<Session>(value).unwrap_err().to_string();
    assert!(err.contains("unknown variant `mp3`"), "{err}");
    assert!(err.contains("`pcm16`, `g711_ulaw`, `g711_alaw`"), "{err}");
}

#[test]
fn shared_enum_is_one_type_at_every_place() {
    let input: session::InputAudioFormat = AudioFormat::Pcm16;
    let output: sessions::session_create_params::OutputAudioFormat = input;
    assert_eq!(output.to_string(), "pcm16");
    assert_eq!("g711_alaw".parse::<AudioFormat>().unwrap(), AudioFormat::G711Alaw);
}
