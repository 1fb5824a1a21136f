// Installs every fake service beyond the spreadsheet (Drive, Docs, DocumentApp, MailApp, Gmail) and their saved state.
import './docs';
import './mail/index';
