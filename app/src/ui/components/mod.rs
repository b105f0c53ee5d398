//! Small pieces the pages share.

mod error_box;
mod field;

pub use error_box::ErrorBox;
pub use field::TextField;
