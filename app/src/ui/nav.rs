//! Where each navigation item leads and what it is called.

use crate::domain::NavItem;
use crate::i18n::Locale;

pub fn nav_href(item: NavItem) -> &'static str {
    match item {
        NavItem::Home => "/",
        NavItem::Inbox => "/inbox",
        NavItem::Board => "/board",
        NavItem::Projects => "/projects",
        NavItem::Systems => "/systems",
        NavItem::Changes => "/changes",
        NavItem::Reference => "/reference",
        NavItem::Users => "/admin/users",
        NavItem::Departments => "/admin/departments",
        NavItem::Account => "/account",
    }
}

pub fn nav_label(t: Locale, item: NavItem) -> &'static str {
    match item {
        NavItem::Home => t.nav_home(),
        NavItem::Inbox => t.nav_inbox(),
        NavItem::Board => t.nav_board(),
        NavItem::Projects => t.nav_projects(),
        NavItem::Systems => t.nav_systems(),
        NavItem::Changes => t.nav_changes(),
        NavItem::Reference => t.nav_reference(),
        NavItem::Users => t.nav_users(),
        NavItem::Departments => t.nav_departments(),
        NavItem::Account => t.nav_account(),
    }
}
