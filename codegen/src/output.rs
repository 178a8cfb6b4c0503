//! Writing generated files: only when their content changed, never half-written.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// One file dts2rs will write: where, and its complete contents.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct OutputFile {
    /// Where it goes: under the path given to [`Builder::generate`](crate::Builder::generate)
    /// (that path itself for a single `.rs` file). Emit gives it relative to that path.
    pub path: PathBuf,
    /// Its complete contents.
    pub contents: String,
}

impl OutputFile {
    /// Whether the file on disk differs from (or lacks) these contents.
    pub fn is_stale(&self) -> bool {
        fs::read(&self.path).map_or(true, |current| current != self.contents.as_bytes())
    }
}

/// Writes `file` unless its content is already on disk, through a temporary file renamed into
/// place, so a reader (or an interrupted run) never sees a partial file. Returns whether it
/// wrote.
pub fn write_file_if_changed(file: &OutputFile) -> io::Result<bool> {
    if !file.is_stale() {
        return Ok(false);
    }
    let dir = file.path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = file.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.dts2rs-{}.tmp", std::process::id()));
    let written = fs::write(&tmp, &file.contents).and_then(|()| fs::rename(&tmp, &file.path));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written.map(|()| true)
}

/// Checks that every file can be written before any is: the output folder (or the nearest
/// existing ancestor) must be a writable directory.
pub fn check_writable(files: &[OutputFile]) -> Result<(), (PathBuf, io::Error)> {
    for file in files {
        let mut dir = file.path.parent().map(Path::to_path_buf).unwrap_or_default();
        while !dir.as_os_str().is_empty() && !dir.exists() {
            dir = dir.parent().map(Path::to_path_buf).unwrap_or_default();
        }
        if dir.as_os_str().is_empty() {
            dir = PathBuf::from(".");
        }
        let meta = fs::metadata(&dir).map_err(|e| (dir.clone(), e))?;
        if !meta.is_dir() {
            return Err((dir, io::Error::new(io::ErrorKind::NotADirectory, "not a directory")));
        }
        if meta.permissions().readonly() {
            return Err((
                dir,
                io::Error::new(io::ErrorKind::PermissionDenied, "read-only directory"),
            ));
        }
        if file.path.is_dir() {
            return Err((
                file.path.clone(),
                io::Error::new(io::ErrorKind::IsADirectory, "is a directory"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_only_changes() {
        let dir = tempfile::tempdir().unwrap();
        let file = OutputFile { path: dir.path().join("a/b.rs"), contents: "x".into() };
        assert!(write_file_if_changed(&file).unwrap());
        assert!(!write_file_if_changed(&file).unwrap());
        assert_eq!(fs::read_to_string(&file.path).unwrap(), "x");
        assert_eq!(
            fs::read_dir(file.path.parent().unwrap()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }
}
