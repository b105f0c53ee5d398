//! What a browser downloads to show a page for the first time: the HTML
//! and every stylesheet, script and WebAssembly module it names, raw and
//! as the server sends them compressed.

use crate::Failure;
use reqwest::{Client, header};

#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Bytes {
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

impl Bytes {
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

/// Fetches a page and every file it names, each three times: as it is, and
/// as the server sends it to a browser that accepts gzip or brotli. What is
/// counted is what crosses the wire: precompressed files where the server
/// has them, its on-the-fly compression for the page itself.
pub async fn measure(client: &Client, base: &str, page: &str) -> Result<FirstLoad, Failure> {
    let html = fetch(client, base, page, "identity").await?;
    let mut files = vec![(
        page.to_owned(),
        served(client, base, page, html.len()).await?,
    )];
    for path in linked_files(&String::from_utf8_lossy(&html)) {
        let raw = fetch(client, base, &path, "identity").await?.len();
        files.push((path.clone(), served(client, base, &path, raw).await?));
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

async fn served(client: &Client, base: &str, path: &str, raw: usize) -> Result<Bytes, Failure> {
    Ok(Bytes {
        raw,
        gzip: fetch(client, base, path, "gzip").await?.len(),
        brotli: fetch(client, base, path, "br").await?.len(),
    })
}

/// The body exactly as sent: this client decodes no content encoding.
async fn fetch(
    client: &Client,
    base: &str,
    path: &str,
    encoding: &str,
) -> Result<Vec<u8>, Failure> {
    let response = client
        .get(format!("{base}{path}"))
        .header(header::ACCEPT_ENCODING, encoding)
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
    Ok(body.to_vec())
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
