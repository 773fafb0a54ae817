"""Every message of the kiosk's own interface, once, in English (the source language).

Each message has a key (its gettext context, `msgctxt`, and the name QML binds to:
`Navigator.words.<key>`), the English text, an English plural when the text counts something,
and a note for translators. `{name}` placeholders are filled in by the kiosk; a translation keeps
every placeholder of the English text. `scripts/translations.py extract` writes these to
`kiosk/words/locale/kiosk.pot`; the translations live in `kiosk/words/locale/<tag>/LC_MESSAGES/`.
"""

from __future__ import annotations

from typing import NamedTuple


class Message(NamedTuple):
    """One interface message in English."""

    key: str
    text: str
    plural: str | None = None
    comment: str = ""


VISITOR: tuple[Message, ...] = (
    Message("home", "Home", comment="Header button: back to the exhibition's first screen."),
    Message("back", "Back", comment="Header button: one screen back."),
    Message("language", "Language", comment="Header button that opens the language picker."),
    Message("choose_language", "Choose your language", comment="Title of the language picker."),
    Message("touch_to_explore", "Touch to explore",
            comment="Invitation on the welcome loop, shown in every exhibition language at once."),
    Message("still_there", "Still there?", comment="Countdown before the kiosk returns to its welcome loop."),
    Message("touch_to_continue", "Touch to continue", comment="Under 'Still there?' in the countdown."),
    Message("back_soon", "Back soon", comment="Title while the display is being updated."),
    Message("back_soon_detail", "This display is being updated. Please enjoy the rest of the exhibition.",
            comment="Sentence under 'Back soon'."),
    Message("floor", "Floor {number}",
            comment="A floor's label on its card and in the breadcrumb; {number} is the floor number."),
    Message("floor_word", "Floor", comment="The word 'Floor' alone, for screen readers."),
    Message("sections", "{count} theme", "{count} themes",
            "Under a floor's title: how many themes it holds."),
    Message("exhibits", "{count} exhibit", "{count} exhibits",
            "Under a section's title: how many exhibits it holds."),
    Message("open", "Open", comment="Button that opens an exhibit."),
    Message("not_available", "This exhibit cannot be shown right now.",
            comment="Shown instead of an exhibit that cannot be shown."),
    Message("type_article", "Read", comment="Kind of exhibit, on its card (one or two words)."),
    Message("type_image", "Picture", comment="Kind of exhibit, on its card (one or two words)."),
    Message("type_gallery", "Gallery", comment="Kind of exhibit, on its card (one or two words)."),
    Message("type_video", "Film", comment="Kind of exhibit, on its card (one or two words)."),
    Message("type_audio", "Listen", comment="Kind of exhibit, on its card (one or two words)."),
    Message("type_timeline", "Timeline", comment="Kind of exhibit, on its card (one or two words)."),
    Message("type_stats", "Facts", comment="Kind of exhibit, on its card (one or two words)."),
    Message("type_chart", "Chart", comment="Kind of exhibit, on its card (one or two words)."),
    Message("type_before_after", "Then and now", comment="Kind of exhibit, on its card (one or two words)."),
    Message("type_map", "Map", comment="Kind of exhibit, on its card (one or two words)."),
    Message("type_quote", "Voices", comment="Kind of exhibit, on its card (one or two words)."),
    Message("access", "Accessibility", comment=""),
    Message("access_title", "Make it easier to use", comment="Accessibility panel."),
    Message("access_large_text", "Larger text", comment="Accessibility panel."),
    Message("access_high_contrast", "High contrast", comment="Accessibility panel."),
    Message("access_reach", "Lower controls", comment="Accessibility panel."),
    Message("access_reduced_motion", "Less motion", comment="Accessibility panel."),
    Message("access_captions", "Captions always", comment="Accessibility panel."),
    Message("access_read_aloud", "Read aloud", comment="Accessibility panel."),
    Message("access_reset", "Standard settings", comment="Accessibility panel."),
    Message("access_done", "Done", comment="Accessibility panel."),
    Message("listen", "Listen", comment="Button that reads the screen aloud."),
    Message("stop", "Stop", comment="Button that stops reading aloud."),
    Message("closed_now", "Closed now", comment="Closed screen, while a next opening time is known."),
    Message("closed", "Closed", comment="Closed screen, when no opening time is known."),
    Message("opens_today", "Opens today at {time}",
            comment="Closed screen; {time} is written the language's way, e.g. 9:00 AM."),
    Message("opens_tomorrow", "Opens tomorrow at {time}",
            comment="Closed screen; {time} is written the language's way."),
    Message("opens_on", "Opens {day} at {time}",
            comment="Closed screen; {day} is a weekday or a full date, {time} a time of day."),
    Message("before", "Before", comment="Label on the earlier picture of a before/after pair."),
    Message("after", "After", comment="Label on the later picture."),
    Message("transcript", "Transcript", comment="Inside an exhibit view."),
    Message("play", "Play", comment="Inside an exhibit view."),
    Message("pause", "Pause", comment="Inside an exhibit view."),
    Message("replay", "Play again", comment="Inside an exhibit view."),
    Message("zoom_in", "Zoom in", comment="Inside an exhibit view."),
    Message("zoom_out", "Zoom out", comment="Inside an exhibit view."),
    Message("reset_zoom", "Fit to screen", comment="Inside an exhibit view."),
    Message("previous", "Previous", comment="Inside an exhibit view."),
    Message("next", "Next", comment="Inside an exhibit view."),
    Message("close", "Close", comment="Inside an exhibit view."),
    Message("captions", "Captions", comment="Inside an exhibit view."),
    Message("captions_on", "Captions on", comment="Inside an exhibit view."),
    Message("captions_off", "Captions off", comment="Inside an exhibit view."),
    Message("source", "Source", comment="Inside an exhibit view."),
    Message("drag_to_compare", "Drag the handle to compare", comment="Hint on a before/after picture."),
    Message("tap_marker", "Tap a marker to find out more", comment="Hint on a map."),
    Message("swipe_hint", "Swipe or use the arrows", comment="Hint under a gallery or timeline."),
    Message("pinch_hint", "Pinch or double-tap to zoom", comment="Hint on a zoomable picture."),
    Message("cannot_play", "This film cannot be played right now.", comment="Inside an exhibit view."),
    Message("cannot_play_audio", "This recording cannot be played right now.",
            comment="Inside an exhibit view."),
)
"""What visitors read: screens, exhibit views, the countdown and the closed screen."""

DURATIONS: tuple[Message, ...] = (
    Message("duration_seconds", "{seconds} s", comment="A length of time under a minute, short form."),
    Message("duration_minutes", "{minutes} min", comment="A whole number of minutes, short form."),
    Message("duration_minutes_seconds", "{minutes} min {seconds} s", comment="A length of time, short form."),
    Message("duration_hours_minutes", "{hours} h {minutes} min", comment="A length of time, short form."),
    Message("duration_days_hours", "{days} d {hours} h", comment="A length of time, short form."),
)
"""Lengths of time, for staff and the report: `42 s`, `3 min 5 s`, `2 h 14 min`, `2 d 2 h`."""

_PANEL = "Staff panel."
_PAD = "Staff PIN pad."
STAFF: tuple[Message, ...] = (
    Message("staff_panel_title", "Staff panel", comment="Title of the staff panel."),
    Message("staff_status", "Status", comment=_PANEL + " Heading over the kiosk's health."),
    Message("staff_content", "Content", comment=_PANEL),
    Message("staff_content_valid", "valid", comment=_PANEL + " The content has no errors."),
    Message("staff_content_errors", "{count} error (listed below)", "{count} errors (listed below)",
            _PANEL + " The content has errors."),
    Message("staff_showing", "Showing", comment=_PANEL + " What the visitors see."),
    Message("staff_showing_snapshot", "the last good snapshot", comment=_PANEL),
    Message("staff_showing_folder", "the content folder", comment=_PANEL),
    Message("staff_last_reload", "Last reload", comment=_PANEL),
    Message("staff_no_reload", "none since start", comment=_PANEL + " No reload since the kiosk started."),
    Message("staff_reload_kept", "{time}: had errors, the previous content stays",
            comment=_PANEL + " After a reload whose content had errors; {time} is when, e.g. 14:05:09."),
    Message("staff_reload_waiting", "{time}: shown when the current visit ends",
            comment=_PANEL + " After a good reload during a visit; {time} is when, e.g. 14:05:09."),
    Message("staff_open", "open", comment=_PANEL + " Opening hours: the exhibition is open now."),
    Message("staff_closed", "closed", comment=_PANEL + " Opening hours: the exhibition is closed now."),
    Message("staff_open_until", "open until {when}",
            comment=_PANEL + " Opening hours; {when} is a day and time, e.g. 'Tue 17:00'."),
    Message("staff_closed_until", "closed until {when}",
            comment=_PANEL + " Opening hours; {when} is a day and time, e.g. 'Wed 09:00'."),
    Message("staff_running_for", "Running for", comment=_PANEL + " How long the kiosk has run."),
    Message("staff_opening_hours", "Opening hours", comment=_PANEL),
    Message("staff_last_error", "Last error", comment=_PANEL),
    Message("staff_no_error", "none", comment=_PANEL + " No error since the kiosk started."),
    Message("staff_today", "Today", comment=_PANEL + " Heading over today's visitor figures."),
    Message("staff_visits", "Visits", comment=_PANEL + " Number of visits today."),
    Message("staff_median_visit", "Median visit", comment=_PANEL + " Half the visits were longer."),
    Message("staff_most_viewed", "Most viewed", comment=_PANEL + " The exhibit opened most today."),
    Message("staff_languages", "Languages", comment=_PANEL + " Share of each language today."),
    Message("staff_statistics", "Statistics", comment=_PANEL + " A note about the visitor statistics."),
    Message("staff_no_visits_yet", "no visits yet", comment=_PANEL + " Today has had no visits."),
    Message("staff_none_yet", "none yet", comment=_PANEL + " Nothing to show yet today."),
    Message("staff_views", "{count} view", "{count} views", _PANEL + " How often an exhibit was opened."),
    Message("staff_top_exhibit", "{title} ({views})",
            comment=_PANEL + " {title} is an exhibit, {views} how often it was opened ('3 views')."),
    Message("staff_language_share", "{language} {percent} %",
            comment=_PANEL + " A language and its share of today's visits, e.g. 'English 40 %'."),
    Message("staff_statistics_off", "Visitor statistics are switched off in exhibition.yaml.",
            comment=_PANEL),
    Message("staff_statistics_failed", "Visitor statistics are off after a write problem.", comment=_PANEL),
    Message("staff_statistics_unreadable", "Today's statistics cannot be read now.", comment=_PANEL),
    Message("staff_errors_heading", "Content errors ({count})",
            comment=_PANEL + " Heading over the list of errors; {count} is how many."),
    Message("staff_content_and_screen", "Content and screen", comment=_PANEL + " Heading over actions."),
    Message("staff_reload", "Reload content now", comment=_PANEL + " Button."),
    Message("staff_screen_test", "Screen test", comment=_PANEL + " Button: shows test colours and touches."),
    Message("staff_volume", "Volume {percent} %", comment=_PANEL + " Heading over the volume slider."),
    Message("staff_the_kiosk", "The kiosk", comment=_PANEL + " Heading over restart and exit."),
    Message("staff_restart", "Restart the kiosk", comment=_PANEL + " Button."),
    Message("staff_exit", "Exit to desktop", comment=_PANEL + " Button: leaves the kiosk program."),
    Message("staff_close_panel", "Close panel", comment=_PANEL + " Button."),
    Message("staff_touch_test", "Touch anywhere: a dot shows where the screen felt it",
            comment="Screen test, opened from the staff panel."),
    Message("staff_close_test", "Close test", comment="Screen test: button back to the staff panel."),
    Message("staff_access", "Staff access", comment=_PAD + " Title."),
    Message("staff_enter_pin", "Enter the staff PIN", comment=_PAD),
    Message("staff_checking", "Checking the PIN…", comment=_PAD + " Shown for about half a second."),
    Message("staff_locked_countdown", "Locked.\nTry again in {count} second",
            "Locked.\nTry again in {count} seconds", _PAD + " After several wrong PINs; counts down."),
    Message("staff_locked", "Locked. Wait for the countdown.", comment=_PAD),
    Message("staff_wrong_pin", "Wrong PIN.", comment=_PAD),
    Message("staff_no_pin", "No staff PIN is set. Run: kiosk set-pin",
            comment=_PAD + " Keep 'kiosk set-pin': it is a command."),
    Message("staff_erase", "Erase", comment=_PAD + " Name of the key that erases the last digit."),
    Message("staff_ok", "OK", comment=_PAD + " Key that checks the PIN."),
    Message("staff_cancel", "Cancel", comment=_PAD + " Button that closes the pad."),
)
"""What staff read: the PIN pad, the staff panel and the screen test, in the exhibition's default
language (the staff's), whatever language the visitor's screen shows."""

_REPORT = "Report page."
_CHART = "Report chart: a title or an axis."
REPORT: tuple[Message, ...] = (
    Message("report_heading", "How the exhibition was used", comment=_REPORT + " Title of the page."),
    Message("report_period", "From {first} to {last}: {visits} on {kiosks}.",
            comment=_REPORT + " {first} and {last} are dates, {visits} is '120 visits', "
            "{kiosks} '3 kiosks'."),
    Message("report_visits", "{count} visit", "{count} visits", _REPORT),
    Message("report_kiosks", "{count} kiosk", "{count} kiosks", _REPORT + " A kiosk is one touch screen."),
    Message("report_views", "{count} view", "{count} views", _REPORT + " How often an exhibit was opened."),
    Message("report_median", "Half the visits lasted longer than {duration}. A visit counts from the first "
            "touch until the screen goes back to its welcome loop.", comment=_REPORT),
    Message("report_busiest_day", "The busiest day was {day}, with {visits}. An average open day had {mean}.",
            comment=_REPORT + " {day} is a date with its weekday; {visits} and {mean} are '45 visits'."),
    Message("report_busiest_hour", "Most visitors came between {start} and {end}.",
            comment=_REPORT + " {start} and {end} are times of day."),
    Message("report_top", "The most viewed exhibit was “{title}” ({views}).",
            comment=_REPORT + " {views} is '120 views'."),
    Message("report_least", "The least viewed was “{title}” ({views}).", comment=_REPORT),
    Message("report_never", "Never opened: {titles}.", comment=_REPORT + " {titles} is a list of exhibits."),
    Message("report_list_separator", ", ", comment=_REPORT + " Between the exhibits of a list."),
    Message("report_language", "{share} of visits ended in {language}.",
            comment=_REPORT + " {share} is a percentage, {language} a language's name."),
    Message("report_media", "{share} of the films and sounds that were started were played to the end.",
            comment=_REPORT),
    Message("report_modes", "{share} of visits turned on an accessibility mode, most often “{mode}”.",
            comment=_REPORT),
    Message("report_no_modes", "No visitor turned on an accessibility mode.", comment=_REPORT),
    Message("report_files", "The numbers behind the charts, for spreadsheets:",
            comment=_REPORT + " Over the list of CSV files."),
    Message("report_percent", "{number} %", comment=_REPORT + " A percentage; {number} is written already."),
    Message("report_per_day_title", "Visits per day", comment=_CHART),
    Message("report_per_week_title", "Visits per week", comment=_CHART),
    Message("report_day_axis", "Day", comment=_CHART),
    Message("report_week_axis", "Week", comment=_CHART),
    Message("report_visits_axis", "Visits", comment=_CHART),
    Message("report_per_hour_title", "When visitors come: visits per hour of the day", comment=_CHART),
    Message("report_hour_axis", "Hour of the day", comment=_CHART),
    Message("report_top_title", "Most viewed exhibits", comment=_CHART),
    Message("report_least_title", "Least viewed exhibits", comment=_CHART),
    Message("report_views_axis", "Times opened", comment=_CHART),
    Message("report_exhibit_axis", "Exhibit", comment=_CHART),
    Message("report_dwell_title", "Time spent at the most viewed exhibits (median)", comment=_CHART),
    Message("report_seconds_axis", "Seconds", comment=_CHART),
    Message("report_language_title", "Language at the end of each visit", comment=_CHART),
    Message("report_media_title", "Films and sounds played to the end", comment=_CHART),
    Message("report_percent_axis", "Played to the end (% of plays)", comment=_CHART),
    Message("report_modes_title", "Accessibility modes turned on", comment=_CHART),
    Message("report_nothing", "Nothing to show for this period.", comment=_CHART + " Instead of a chart."),
    Message("report_kind_video", "film", comment=_CHART + " After an exhibit's title: what was played."),
    Message("report_kind_audio", "sound", comment=_CHART + " After an exhibit's title: what was played."),
    Message("report_kind_narration", "audio description",
            comment=_CHART + " After an exhibit's title: spoken description of pictures."),
    *(Message(f"report_language_{code}", name, comment=_REPORT + " A language's name.") for code, name in (
        ("en", "English"), ("zh", "Chinese"), ("zh_hant", "Traditional Chinese"), ("ar", "Arabic"),
        ("fr", "French"), ("de", "German"), ("es", "Spanish"), ("it", "Italian"), ("pt", "Portuguese"),
        ("ru", "Russian"), ("ja", "Japanese"), ("ko", "Korean"))),
)
"""What `kiosk report` writes on its page and charts (accessibility modes use the visitor's words)."""

# -- what visitors hear, take home, answer and turn --------------------------------------------

SPEECH: tuple[Message, ...] = (
)
"""Reading aloud by speech synthesis."""

PICTURES: tuple[Message, ...] = (
)
"""Text alternatives of pictures."""

LINKS: tuple[Message, ...] = (
    Message("link_scan", "Scan to read more at home",
            comment="Under an exhibit's QR code: visitors point their phone's camera at it."),
    Message("link_default_label", "More about this exhibit",
            comment="Under an exhibit's QR code, when the content gives the linked page no name."),
    Message("link_qr_name", "QR code: {label}, on {host}",
            comment="What a screen reader says for an exhibit's QR code. {label} names the page, "
                    "{host} is the web site, e.g. en.wikipedia.org."),
    Message("report_links_title", "QR codes shown",
            comment="Heading of the visitor report's table: how many visits saw each exhibit's QR code."),
    Message("report_links_note", "Each QR code counts once per visit that saw it. Scans are not counted: "
            "the kiosk cannot know which phones read it.", comment="Under the report's QR code table."),
    Message("report_links_shown", "{count} visit", "{count} visits",
            "In the report's QR code table: visits that saw an exhibit's QR code."),
)
"""Take it home: the QR code of an exhibit's link."""

_POLL = "Poll exhibit: visitors answer a question with one touch, then see everyone's answers."
POLL: tuple[Message, ...] = (
    Message("type_poll", "Your say", comment="Kind of exhibit, on its card (one or two words)."),
    Message("poll_pick", "Choose one answer, then touch Vote.", comment=_POLL + " Under the question."),
    Message("poll_vote", "Vote", comment=_POLL + " Button that sends the chosen answer."),
    Message("poll_results", "What visitors chose", comment=_POLL + " Title over the results."),
    Message("poll_your_choice", "Your choice", comment=_POLL + " Beside the answer this visitor chose."),
    Message("poll_votes", "{count} vote", "{count} votes", _POLL + " How many chose one answer."),
    Message("poll_total", "{count} answer so far on this screen", "{count} answers so far on this screen",
            _POLL + " Under the results."),
    Message("poll_share", "{percent} %", comment=_POLL + " An answer's share; {percent} is a whole number."),
    Message("staff_polls", "Polls", comment=_PANEL + " Heading over the polls and their reset buttons."),
    Message("staff_poll_reset", "Reset poll results", comment=_PANEL + " Button beside a poll."),
    Message("staff_poll_reset_confirm", "Delete every vote for “{title}” on this screen?",
            comment=_PANEL + " Asked before the votes are deleted; {title} is the poll's title."),
    Message("staff_poll_reset_yes", "Delete the votes", comment=_PANEL + " Button: confirms the reset."),
    Message("staff_poll_reset_done", "The votes were deleted.", comment=_PANEL + " After a reset."),
    Message("report_polls_title", "Poll results", comment=_REPORT + " Heading over the polls."),
    Message("report_poll_total", "{votes} in all, from {first} to {last}.",
            comment=_REPORT + " Under a poll's question; {votes} is '120 votes', {first} and {last} dates."),
    Message("report_votes", "{count} vote", "{count} votes", _REPORT + " How many chose an answer."),
    Message("report_poll_day_title", "Votes per day: {question}",
            comment=_REPORT + " Over a table; {question} is the poll's."),
)
"""The poll exhibit, its results and its staff and report words."""

MODEL: tuple[Message, ...] = (
    Message("type_model", "3D object", comment="Kind of exhibit, on its card (one or two words): an "
            "object visitors can turn around on the screen."),
    Message("model_hint", "Drag to turn, pinch to zoom",
            comment="Under a 3D object: how to turn it with one finger and look closer with two."),
    Message("model_reset", "Reset view", comment="Button that turns a 3D object back to where it started."),
    Message("model_not_3d", "3D view is not available on this screen",
            comment="Under the still picture shown instead of a 3D object the screen cannot draw."),
)
"""The 3D model exhibit."""

MESSAGES: tuple[Message, ...] = (*VISITOR, *DURATIONS, *STAFF, *REPORT,
                                 *SPEECH, *PICTURES, *LINKS, *POLL, *MODEL)
"""Every message, in the order of the catalog template."""
