//! One ledger (台账) as an Excel workbook: a header row, filters on it,
//! the header frozen, money as yuan and dates as real dates.

use crate::domain::{Amount, CalendarDate, LocalMinute};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

/// A cell's value, typed so that Excel sorts and sums it properly.
pub enum Cell {
    Text(String),
    Yuan(Amount),
    Date(CalendarDate),
    Minute(LocalMinute),
    Count(u32),
    Empty,
}

pub struct Column {
    pub header: &'static str,
    pub width: f64,
}

/// The workbook's bytes.
pub fn ledger(title: &str, columns: &[Column], rows: &[Vec<Cell>]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let yuan = Format::new().set_num_format("¥#,##0.00");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let minute = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let wrapped = Format::new().set_text_wrap();
    let sheet = workbook.add_worksheet();
    // A sheet name may not hold some characters nor exceed 31; the title
    // is one of ours, so this only guards against a future long one.
    let name: String = title.chars().take(31).collect();
    sheet.set_name(name)?;
    for (col, column) in columns.iter().enumerate() {
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, col, column.header, &bold)?;
        sheet.set_column_width(col, column.width)?;
    }
    for (index, row) in rows.iter().enumerate() {
        let r = u32::try_from(index + 1).unwrap_or(u32::MAX);
        for (col, cell) in row.iter().enumerate() {
            let c = u16::try_from(col).unwrap_or(u16::MAX);
            match cell {
                Cell::Text(text) => {
                    sheet.write_string_with_format(r, c, text, &wrapped)?;
                }
                Cell::Yuan(amount) => {
                    // Fen to yuan: exact for every budget below 2^53 fen.
                    let yuan_value = amount.fen() as f64 / 100.0;
                    sheet.write_number_with_format(r, c, yuan_value, &yuan)?;
                }
                Cell::Date(day) => {
                    let (y, m, d) = day.parts();
                    sheet.write_datetime_with_format(
                        r,
                        c,
                        ExcelDateTime::from_ymd(y, m, d)?,
                        &date,
                    )?;
                }
                Cell::Minute(at) => {
                    let (y, m, d) = at.date().parts();
                    let (hour, min) = at.time();
                    let value = ExcelDateTime::from_ymd(y, m, d)?.and_hms(hour.into(), min, 0)?;
                    sheet.write_datetime_with_format(r, c, value, &minute)?;
                }
                Cell::Count(n) => {
                    sheet.write_number(r, c, *n)?;
                }
                Cell::Empty => {}
            }
        }
    }
    let last_row = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    let last_col = u16::try_from(columns.len().saturating_sub(1)).unwrap_or(0);
    sheet.autofilter(0, 0, last_row, last_col)?;
    sheet.set_freeze_panes(1, 0)?;
    workbook.save_to_buffer()
}
