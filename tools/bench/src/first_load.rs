//! What a browser downloads to show a page for the first time: the HTML
//! and every stylesheet, script and WebAssembly module it names, raw and
//! as gzip and brotli would carry them.

use crate::Failure;
use reqwest::{Client, header};
use std::io::Write;

#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Bytes {
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

impl Bytes {
    fn of(body: &[u8]) -> Bytes {
        Bytes {
            raw: body.len(),
            gzip: gzip(body),
            brotli: brotli(body),
        }
    }

    fn add(&mut self, other: &Bytes) {
        self.raw += other.raw;
        self.gzip += other.gzip;
        self.brotli += other.brotli;
    }
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct FirstLoad {
    pub page: String,
    /// Each file: its path and size.
    pub files: Vec<(String, Bytes)>,
    pub total: Bytes,
}

fn gzip(body: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = encoder.write_all(body);
    encoder.finish().map_or(0, |out| out.len())
}

fn brotli(body: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    let _ = brotli::BrotliCompress(&mut &body[..], &mut out, &params);
    out.len()
}

/// The same-origin files a page's HTML links to.
pub fn linked_files(html: &str) -> Vec<String> {
    let mut files: Vec<String> = ["href=\"", "src=\""]
        .iter()
        .flat_map(|attribute| html.split(attribute).skip(1))
        .filter_map(|rest| rest.split('"').next())
        .filter(|path| path.starts_with("/pkg/") || path.starts_with("/favicon"))
        .map(str::to_owned)
        .collect();
    files.sort();
    files.dedup();
    files
}

pub async fn measure(client: &Client, base: &str, page: &str) -> Result<FirstLoad, Failure> {
    let fetch = |path: String| async move {
        let response = client
            .get(format!("{base}{path}"))
            .header(header::ACCEPT_ENCODING, "identity")
            .send()
            .await
            .map_err(|error| Failure(format!("fetching {path}: {error}")))?;
        if !response.status().is_success() {
            return Err(Failure(format!("{path} answered {}", response.status())));
        }
        let body = response
            .bytes()
            .await
            .map_err(|error| Failure(format!("reading {path}: {error}")))?;
        Ok::<_, Failure>(body.to_vec())
    };
    let html = fetch(page.to_owned()).await?;
    let mut files = vec![(page.to_owned(), Bytes::of(&html))];
    for path in linked_files(&String::from_utf8_lossy(&html)) {
        let body = fetch(path.clone()).await?;
        files.push((path, Bytes::of(&body)));
    }
    let mut total = Bytes::default();
    for (_, bytes) in &files {
        total.add(bytes);
    }
    Ok(FirstLoad {
        page: page.to_owned(),
        files,
        total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_a_page_names_are_found_once() {
        let html = r#"<link rel="modulepreload" href="/pkg/isflow.js">
            <link rel="preload" href="/pkg/isflow_bg.wasm"><link href="/pkg/isflow.css">
            <script src="/pkg/isflow.js"></script><a href="/board">"#;
        assert_eq!(
            linked_files(html),
            vec!["/pkg/isflow.css", "/pkg/isflow.js", "/pkg/isflow_bg.wasm"]
        );
    }
}
