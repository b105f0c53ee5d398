//! Small pieces the pages share.

mod error_box;
mod field;
mod loading;
mod long_text;

pub use error_box::ErrorBox;
pub use field::TextField;
pub use loading::Loading;
pub use long_text::LongText;
