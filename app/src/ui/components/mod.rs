//! Small pieces the pages share.

mod error_box;
mod export_link;
mod field;
mod loading;
mod long_text;

pub use error_box::ErrorBox;
pub use export_link::{ExportLink, query_of};
pub use field::TextField;
pub use loading::Loading;
pub use long_text::LongText;
