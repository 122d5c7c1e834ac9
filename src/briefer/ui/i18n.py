"""The window's language: English (the source strings) or Japanese, from Settings.

``install(app)`` loads Briefer's own translation (``resources/i18n/briefer_<lang>.qm``,
shipped as package data) and Qt's (standard buttons, context menus), and makes dates and
numbers follow the language. The choice lives in QSettings under ``ui/language``: "system"
(the default: Japanese on a Japanese system, else English), "en" or "ja". It takes effect
at once: View › Language installs the new translators and puts the open window's texts into
the new language (``retranslate.py``).
"""

from __future__ import annotations

from importlib.resources import as_file, files

from briefer.ui.qt import QApplication, QLibraryInfo, QLocale, QSettings, QTranslator

#: language code -> its own name, as the menu shows it
LANGUAGES: dict[str, str] = {"en": "English", "ja": "日本語"}
SETTING = "ui/language"

_installed: list[QTranslator] = []
_language: list[str] = ["en"]  # the language installed last


def installed_language() -> str:
    """The language the window's strings are in now."""
    return _language[0]


def setting() -> str:
    value = str(QSettings().value(SETTING, "system") or "system")
    return value if value in LANGUAGES or value == "system" else "system"


def set_setting(value: str) -> None:
    s = QSettings()
    s.setValue(SETTING, value)
    s.sync()


def chosen_language() -> str:
    value = setting()
    if value == "system":
        code = QLocale.system().name().split("_")[0]
        return code if code in LANGUAGES else "en"
    return value


def qm_path(language: str) -> str:
    """The shipped .qm of ``language`` (a path on disk, for QTranslator.load)."""
    res = files("briefer.resources") / "i18n" / f"briefer_{language}.qm"
    with as_file(res) as path:
        return str(path)


def install(app: QApplication, language: str | None = None) -> str:
    """Install the translators for ``language`` (default: the setting); returns the code."""
    lang = language or chosen_language()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _language[0] = lang
    if lang == "en":
        QLocale.setDefault(QLocale.system())
        return lang
    QLocale.setDefault(QLocale(lang))
    ours = QTranslator(app)
    if ours.load(qm_path(lang)):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return lang
