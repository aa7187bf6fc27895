//! The `opeka` binary, run as a publisher would: exit codes and output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn opeka(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opeka")).args(args).current_dir(repo()).env_remove("LANG").output().expect("run opeka")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write temp file");
    path
}

#[test]
fn samples_are_valid_exit_0() {
    let o = opeka(&[
        "validate",
        "--lang",
        "en",
        "feeds/kuzbass-caseload.json",
        "feeds/kuzbass-accident-families.json",
        "feeds/kuzbass-council-projects-2024.json",
        "feeds/kuzbass-social-worker-day-2018.json",
        "feeds/vyksa-orphanhood-prevention.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(out.contains("feeds/kuzbass-caseload.json: valid\n"), "{out}");
    assert!(out.ends_with("Checked 5 files: 5 valid, 0 invalid, 0 unreadable; 0 errors, 0 warnings\n"), "{out}");
}

#[test]
fn invalid_feed_lists_every_problem_exit_1() {
    let o = opeka(&["validate", "--lang", "en", "tests/corpus/invalid/negative-counts.json"]);
    assert_eq!(o.status.code(), Some(1));
    let expected = std::fs::read_to_string(repo().join("tests/corpus/invalid/negative-counts.expected")).expect("expected");
    let want: String = expected.lines().map(|l| format!("tests/corpus/invalid/negative-counts.json: {l}\n")).collect();
    assert_eq!(stdout(&o), format!("{want}Checked 1 file: 0 valid, 1 invalid, 0 unreadable; 5 errors, 0 warnings\n"));
}

#[test]
fn warnings_are_marked_and_do_not_fail() {
    let o = opeka(&["validate", "--lang", "en", "tests/corpus/valid/source-url-not-http.json"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        "tests/corpus/valid/source-url-not-http.json: source.url: \"javascript:alert(1)\" is not an http or https URL; \
         shown as plain text, not linked (warning)\n\
         tests/corpus/valid/source-url-not-http.json: valid\n\
         Checked 1 file: 1 valid, 0 invalid, 0 unreadable; 0 errors, 1 warning\n"
    );
}

#[test]
fn russian_by_default_and_from_lang() {
    let o = opeka(&["validate", "tests/corpus/invalid/version-too-new.json"]);
    assert!(stdout(&o).contains("opeka: версия формата 2 новее поддерживаемой версии 1"), "{}", stdout(&o));
    let o = Command::new(env!("CARGO_BIN_EXE_opeka"))
        .args(["validate", "tests/corpus/invalid/version-too-new.json"])
        .current_dir(repo())
        .env("LANG", "en_US.UTF-8")
        .output()
        .expect("run");
    assert!(stdout(&o).contains("opeka: format version 2 is newer than the supported version 1"), "{}", stdout(&o));
}

#[test]
fn mixed_valid_and_invalid_exit_1() {
    let o = opeka(&["validate", "--lang", "en", "feeds/vyksa-orphanhood-prevention.json", "tests/corpus/invalid/not-object-array.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("tests/corpus/invalid/not-object-array.json: (root): must be an object, got an array\n"));
}

#[test]
fn missing_file_is_a_message_exit_1() {
    let o = opeka(&["validate", "--lang", "en", "no/such/feed.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).starts_with("no/such/feed.json: cannot read the file: "), "{}", stdout(&o));
    assert!(stdout(&o).contains("1 unreadable"));
}

#[test]
fn a_directory_is_unreadable_exit_1() {
    let o = opeka(&["validate", "--lang", "en", "feeds"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
}

#[test]
fn not_json_and_hostile_bytes_exit_1_without_crash() {
    let mut hostile: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
    hostile.extend_from_slice(&[0xff, 0xfe, 0, 0, b'"', b'\n']);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("text.json", b"this is not JSON\n".to_vec()),
        ("binary.json", hostile),
        ("deep.json", vec![b'['; 100_000]),
        ("deep-objects.json", "{\"a\":".repeat(100_000).into_bytes()),
        ("nul.json", vec![0; 100]),
        ("empty.json", Vec::new()),
    ];
    for (name, bytes) in cases {
        let file = temp_file(name, &bytes);
        let o = opeka(&["validate", "--lang", "en", file.to_str().expect("utf-8 path")]);
        assert_eq!(o.status.code(), Some(1), "{name}: {}", stdout(&o));
        let out = stdout(&o);
        assert!(out.contains(": (root): "), "{name}: {out}");
        // Every output line is ours: no raw control bytes from the input.
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{name}: {out:?}");
    }
}

#[test]
fn text_file_reports_line_and_column() {
    let file = temp_file("prose.json", b"{\n  \"opeka\": 1,\n  oops\n}");
    let o = opeka(&["validate", "--lang", "en", file.to_str().expect("utf-8 path")]);
    assert!(stdout(&o).contains("(root): not valid JSON at line 3, column 3: key must be a string"), "{}", stdout(&o));
}

#[test]
fn usage_errors_exit_2() {
    for args in [&[][..], &["validate"][..], &["frobnicate"][..], &["validate", "--lang", "de", "x.json"][..]] {
        let o = opeka(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(!o.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn help_on_every_command() {
    for args in [&["--help"][..], &["validate", "--help"][..], &["schema", "--help"][..], &["help", "validate"][..]] {
        let o = opeka(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(stdout(&o).contains("Usage: opeka"), "{args:?}: {}", stdout(&o));
    }
    assert!(stdout(&opeka(&["validate", "--help"])).contains("--lang <LANG>"));
}

#[test]
fn schema_prints_the_checked_in_schema() {
    let o = opeka(&["schema"]);
    assert_eq!(o.status.code(), Some(0));
    let checked_in = std::fs::read_to_string(repo().join("schema/opeka-feed-1.schema.json")).expect("schema file");
    assert_eq!(stdout(&o), checked_in);
}
