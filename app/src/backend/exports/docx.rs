//! The change request as a Word document laid out as attachment 2: the
//! same table and sign-off boxes, set in SimSun with SimHei for the title
//! so that Chinese renders as on the printed form. Written as plain
//! WordprocessingML, which is all a form of text and a table needs.

use crate::api::{ChangeDetail, SignoffView};
use crate::domain::change::{ChangeOrigin, ChangeScope, ChangeStep};
use crate::i18n::Locale;
use crate::ui::change_words::{origin_name, scope_name};
use std::io::{Cursor, Write};
use zip::{CompressionMethod, ZipWriter, result::ZipError, write::SimpleFileOptions};

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// SimSun (宋体) for body text in both scripts' slots, so Word never falls
/// back to a Western font for Chinese; 10.5 pt (五号) as official forms use.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="SimSun" w:hAnsi="SimSun" w:eastAsia="SimSun" w:cs="SimSun"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:pPr><w:jc w:val="center"/><w:spacing w:after="240"/></w:pPr><w:rPr><w:rFonts w:ascii="SimHei" w:hAnsi="SimHei" w:eastAsia="SimHei"/><w:b/><w:sz w:val="36"/></w:rPr></w:style></w:styles>"#;

/// Text safe inside XML character data and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids, which a pasted text may hold.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A paragraph per line of `text`.
fn paragraphs(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    lines
        .iter()
        .map(|line| {
            format!(
                r#"<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
                escape(line.trim_end_matches('\r'))
            )
        })
        .collect()
}

fn bold_paragraph(text: &str) -> String {
    format!(
        r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        escape(text)
    )
}

/// A cell `span` columns wide of `twips` width holding `content` paragraphs.
fn cell(content: &str, twips: u32, span: u32) -> String {
    let span = if span > 1 {
        format!(r#"<w:gridSpan w:val="{span}"/>"#)
    } else {
        String::new()
    };
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{twips}" w:type="dxa"/>{span}<w:vAlign w:val="center"/></w:tcPr>{content}</w:tc>"#
    )
}

fn row(cells: &[String], min_height: Option<u32>) -> String {
    let height = min_height
        .map(|h| format!(r#"<w:trPr><w:trHeight w:val="{h}"/></w:trPr>"#))
        .unwrap_or_default();
    format!("<w:tr>{height}{}</w:tr>", cells.concat())
}

/// The sign-off box: decider, opinion and time, then the signature line.
fn sign_box(t: Locale, signoff: Option<&SignoffView>) -> String {
    let mut content = String::new();
    if let Some(s) = signoff {
        let name = match &s.on_behalf_of {
            Some(principal) => format!("{}{}", s.name, t.print_on_behalf(principal.clone())),
            None => s.name.clone(),
        };
        content.push_str(&paragraphs(&name));
        if !s.opinion.is_empty() {
            content.push_str(&paragraphs(&s.opinion));
        }
        content.push_str(&paragraphs(&s.at.to_local_minute()));
    }
    content.push_str(&paragraphs(&format!("{}__________", t.print_signature())));
    content
}

fn tick(on: bool) -> &'static str {
    if on { "☑" } else { "☐" }
}

/// The change request's `.docx` bytes.
pub fn change_request(t: Locale, detail: &ChangeDetail) -> Result<Vec<u8>, ZipError> {
    const LABEL: u32 = 1300;
    const VALUE: u32 = 1700;
    const FULL: u32 = 2 * LABEL + 3 * VALUE + VALUE;
    let summary = &detail.summary;
    let form = &detail.form;
    let label = |text: &str| cell(&bold_paragraph(text), LABEL, 1);
    let value = |text: &str| cell(&paragraphs(text), VALUE, 1);
    let wide = |content: String| cell(&content, FULL - LABEL, 5);

    let origins: Vec<String> = ChangeOrigin::ALL
        .iter()
        .map(|o| format!("{}{}", tick(*o == form.origin), origin_name(t, *o)))
        .collect();
    let scopes: Vec<String> = [
        ChangeScope::Added,
        ChangeScope::Modified,
        ChangeScope::Reduced,
    ]
    .iter()
    .map(|s| format!("{}{}", tick(*s == form.scope), scope_name(t, *s)))
    .collect();
    let other = format!(
        "{}{} {}",
        tick(form.scope == ChangeScope::Other),
        t.change_other_explanation(),
        if form.other_explanation.is_empty() {
            "__________".to_owned()
        } else {
            form.other_explanation.clone()
        }
    );
    let request_type = format!(
        "{}{}{}",
        paragraphs(&origins.join("    ")),
        paragraphs(&scopes.join("    ")),
        paragraphs(&other)
    );
    let signoff = |step: ChangeStep| sign_box(t, detail.signoff(step));

    let rows = [
        row(
            &[
                label(t.change_department()),
                value(&summary.department.name),
                label(t.change_applied_at()),
                value(&summary.applied_at.to_local_minute()),
                label(t.change_execute_at()),
                value(&form.execute_at.to_string()),
            ],
            None,
        ),
        row(
            &[
                label(t.change_system()),
                wide(paragraphs(&summary.system_name)),
            ],
            None,
        ),
        row(&[label(t.change_request_type()), wide(request_type)], None),
        row(
            &[label(t.change_reason()), wide(paragraphs(&form.reason))],
            Some(1400),
        ),
        row(
            &[
                label(t.change_description()),
                wide(paragraphs(&form.description)),
            ],
            Some(2000),
        ),
        row(
            &[label(t.change_impact()), wide(paragraphs(&form.impact))],
            Some(1400),
        ),
        row(
            &[
                label(t.change_executor_sign()),
                cell(&signoff(ChangeStep::Execution), VALUE, 1),
                label(t.change_head_sign()),
                cell(&signoff(ChangeStep::HeadSignature), VALUE, 1),
                label(t.change_it_head_sign()),
                cell(&signoff(ChangeStep::Review), VALUE, 1),
            ],
            Some(1600),
        ),
        row(
            &[
                label(t.change_leader_opinion()),
                wide(signoff(ChangeStep::Approval)),
            ],
            Some(1600),
        ),
    ];
    let grid = format!(
        r#"<w:tblGrid><w:gridCol w:w="{LABEL}"/><w:gridCol w:w="{VALUE}"/><w:gridCol w:w="{LABEL}"/><w:gridCol w:w="{VALUE}"/><w:gridCol w:w="{LABEL}"/><w:gridCol w:w="{}"/></w:tblGrid>"#,
        FULL - 3 * LABEL - 2 * VALUE
    );
    let borders = r#"<w:tblBorders><w:top w:val="single" w:sz="6"/><w:left w:val="single" w:sz="6"/><w:bottom w:val="single" w:sz="6"/><w:right w:val="single" w:sz="6"/><w:insideH w:val="single" w:sz="6"/><w:insideV w:val="single" w:sz="6"/></w:tblBorders>"#;
    let body = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>{title}</w:t></w:r></w:p><w:p><w:pPr><w:spacing w:after="120"/></w:pPr><w:r><w:t xml:space="preserve">{number_label}：{number}</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblW w:w="{FULL}" w:type="dxa"/><w:tblLayout w:type="fixed"/>{borders}</w:tblPr>{grid}{rows}</w:tbl><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1080" w:bottom="1440" w:left="1080" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
        title = escape(t.change_form_title()),
        number_label = escape(t.change_number()),
        number = escape(&summary.number.to_string()),
        rows = rows.concat(),
    );

    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (path, content) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", STYLES),
        ("word/document.xml", body.as_str()),
    ] {
        zip.start_file(path, options)?;
        zip.write_all(content.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(
            escape("<b>\"A&B's\"</b>\u{1}"),
            "&lt;b&gt;&quot;A&amp;B&apos;s&quot;&lt;/b&gt;"
        );
        assert_eq!(escape("换行\n保留"), "换行\n保留");
    }
}
