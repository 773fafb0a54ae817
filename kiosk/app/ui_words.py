"""The kiosk's own words (buttons, invitations, notices) in each language it knows.

Content text comes from the exhibition's YAML; these are the few words of the interface
around it. A language without its own entry uses English.
"""

from __future__ import annotations

from typing import Final

LANGUAGE_NAMES: Final[dict[str, str]] = {
    "en": "English",
    "zh": "中文",
    "zh-Hant": "繁體中文",
    "ar": "العربية",
    "fr": "Français",
    "de": "Deutsch",
    "es": "Español",
    "it": "Italiano",
    "pt": "Português",
    "ru": "Русский",
    "ja": "日本語",
    "ko": "한국어",
    "nl": "Nederlands",
    "he": "עברית",
    "hi": "हिन्दी",
}

ENGLISH: Final[dict[str, str]] = {
    "home": "Home",
    "back": "Back",
    "language": "Language",
    "touch_to_explore": "Touch to explore",
    "back_soon": "Back soon",
    "back_soon_detail": "This display is being updated. Please enjoy the rest of the exhibition.",
    "floor": "Floor {number}",
    "floor_word": "Floor",
    "sections": "{count} themes",
    "sections_one": "1 theme",
    "exhibits_one": "1 exhibit",
    "exhibits": "{count} exhibits",
    "open": "Open",
    "not_available": "This exhibit cannot be shown right now.",
    "type_article": "Read",
    "type_image": "Picture",
    "type_gallery": "Gallery",
    "type_video": "Film",
    "type_audio": "Listen",
    "type_timeline": "Timeline",
    "type_stats": "Facts",
    "type_chart": "Chart",
    "type_before_after": "Then and now",
    "type_map": "Map",
    "type_quote": "Voices",
    "access": "Accessibility",
    "access_title": "Make it easier to use",
    "access_large_text": "Larger text",
    "access_high_contrast": "High contrast",
    "access_reach": "Lower controls",
    "access_reduced_motion": "Less motion",
    "access_captions": "Captions always",
    "access_read_aloud": "Read aloud",
    "access_reset": "Standard settings",
    "access_done": "Done",
    "listen": "Listen",
    "stop": "Stop",
}

WORDS: Final[dict[str, dict[str, str]]] = {
    "en": ENGLISH,
    "zh": {
        "home": "首页",
        "back": "返回",
        "language": "语言",
        "touch_to_explore": "触摸屏幕开始探索",
        "back_soon": "马上回来",
        "back_soon_detail": "本展项正在更新，请先参观展厅的其他部分。",
        "floor": "{number} 层",
        "floor_word": "楼层",
        "sections_one": "1 个主题",
        "exhibits_one": "1 个展项",
        "sections": "{count} 个主题",
        "exhibits": "{count} 个展项",
        "open": "打开",
        "not_available": "该展项暂时无法显示。",
        "type_article": "阅读",
        "type_image": "图片",
        "type_gallery": "图集",
        "type_video": "影片",
        "type_audio": "聆听",
        "type_timeline": "时间线",
        "type_stats": "数据",
        "type_chart": "图表",
        "type_before_after": "今昔对比",
        "type_map": "地图",
        "type_quote": "人物之声",
        "access": "无障碍",
        "access_title": "让使用更方便",
        "access_large_text": "放大文字",
        "access_high_contrast": "高对比度",
        "access_reach": "控件下移",
        "access_reduced_motion": "减少动画",
        "access_captions": "始终显示字幕",
        "access_read_aloud": "朗读",
        "access_reset": "恢复标准设置",
        "access_done": "完成",
        "listen": "收听",
        "stop": "停止",
    },
    "ar": {
        "home": "الرئيسية",
        "back": "رجوع",
        "language": "اللغة",
        "touch_to_explore": "المس الشاشة للاستكشاف",
        "back_soon": "نعود قريبًا",
        "back_soon_detail": "يجري تحديث هذه الشاشة. استمتع ببقية المعرض.",
        "floor": "الطابق {number}",
        "floor_word": "الطابق",
        "sections": "{count} مواضيع",
        "exhibits": "{count} معروضات",
    },
    "fr": {
        "home": "Accueil",
        "back": "Retour",
        "touch_to_explore": "Touchez pour explorer",
        "back_soon": "De retour bientôt",
        "floor": "Étage {number}",
    },
    "de": {
        "home": "Start",
        "back": "Zurück",
        "touch_to_explore": "Berühren zum Entdecken",
        "back_soon": "Gleich wieder da",
        "floor": "Etage {number}",
    },
    "ja": {
        "home": "ホーム",
        "back": "戻る",
        "touch_to_explore": "タッチして探索",
        "back_soon": "まもなく再開します",
        "floor": "{number}階",
    },
}


def language_name(code: str) -> str:
    """A language's name in that language, e.g. 中文 for zh; the code itself if unknown."""
    return LANGUAGE_NAMES.get(code) or LANGUAGE_NAMES.get(code.split("-")[0], code)


def words_for(language: str) -> dict[str, str]:
    """Every interface word in a language, English where it has none of its own."""
    own = WORDS.get(language) or WORDS.get(language.split("-")[0], {})
    return {**ENGLISH, **own}


def word(language: str, key: str, **values: object) -> str:
    """One interface word, with {placeholders} filled in."""
    return words_for(language)[key].format(**values)
