def d(desc, text, expect, diagnostics=None, options=None):
    c = {"description": desc, "input": text, "expect": expect}
    if diagnostics is not None:
        c["diagnostics"] = diagnostics
    if options:
        c["options"] = options
    return c

def tm(start, end=None, zone=None, offset=None):
    return {"start": start, "end": end, "zone": zone, "utc_offset": offset}

cases = [
    d("ISO date in the title", "# Dragonfly Community Meeting 2025-10-14\n", {"/date": "2025-10-14", "/time": None}, []),
    d("unpadded date in the title (jeandle 2026)", "# Meeting Summary: 2026-1-15\n", {"/date": "2026-01-15"}, []),
    d("slashed date", "# Notes 2018/09/13\n", {"/date": "2018-09-13"}),
    d("dotted date title (rust-lang 2019.03.14)", "# 2019.03.14\n", {"/date": "2019-03-14"}),
    d("a version number is not a dotted date", "# Release 2019.03.14.1\n", {"/date": None}),
    d("Date: line with a month name", "# Notes\n\nDate: September 4, 2025\n", {"/date": "2025-09-04"}),
    d("bold key with date and time range (jeandle)", "# Meeting Summary\n\n- **Date & Time**: September 4, 2025, 19:00 - 20:00\n",
      {"/date": "2025-09-04", "/time": tm("19:00", "20:00")}),
    d("abbreviated month (jeandle 20260226)", "# Meeting Summary\n\n- **Date & Time**: Feb 26, 2026, 19:00 - 20:00\n", {"/date": "2026-02-26"}),
    d("weekday, month name, 12-hour range and zone (electron 2020-06-25)", "# Ecosystem WG\n\nThursday June 25, 2020 (10:00 AM - 11:00 AM PT)\n",
      {"/date": "2020-06-25", "/time": tm("10:00", "11:00", "PT", None)}),
    d("bare month-name date line (electron)", "# Outreach Working Group\n\nApril 1, 2019\n", {"/date": "2019-04-01"}),
    d("abbreviated month line (electron)", "# Community Safety WG\n\nMar 6, 2019\n", {"/date": "2019-03-06"}),
    d("Date: with a month name (electron 2021-06-21)", "# Outreach\n\nDate: June 21, 2021\n", {"/date": "2021-06-21"}),
    d("day before month", "# Notes\n\nDate: 4 September 2025\n", {"/date": "2025-09-04"}),
    d("ordinal day before month", "# Notes\n\nDate: 25th June, 2020\n", {"/date": "2020-06-25"}),
    d("ordinal day after month", "# Notes\n\nDate: June 25th, 2020\n", {"/date": "2020-06-25"}),
    d("Sept 7th takes the year from the hint (webassembly)", "## Agenda for the Sept 7th video call\n", {"/date": "2021-09-07"}, [], {"date_hint": "2021-09-07"}),
    d("July 16 with a hint from another day is a mismatch", "## Agenda for the July 16 video call\n", {"/date": "2019-07-16"}, ["date-mismatch"], {"date_hint": "2019-07-17"}),
    d("a year-less date without a hint is not a date", "## Agenda for the July 16 video call\n", {"/date": None}, []),
    d("impossible date is a diagnostic, not a panic", "# Notes 2025-02-30\n", {"/date": None}, ["invalid-date"]),
    d("month 13 is a diagnostic", "# Notes 2025-13-01\n", {"/date": None}, ["invalid-date"]),
    d("February 30 by name is a diagnostic", "# Notes\n\nDate: February 30, 2025\n", {"/date": None}, ["invalid-date"]),
    d("31 February by name is a diagnostic", "# Notes\n\nDate: 31 February 2025\n", {"/date": None}, ["invalid-date"]),
    d("leap day exists in 2024", "# Notes 2024-02-29\n", {"/date": "2024-02-29"}, []),
    d("leap day does not exist in 2025", "# Notes 2025-02-29\n", {"/date": None}, ["invalid-date"]),
    d("Date: line with a numeric UTC offset", "# Notes\n\nDate: 2025-10-14 19:00 UTC+8\n", {"/date": "2025-10-14", "/time": tm("19:00", None, "UTC+8", "+08:00")}),
    d("12-hour time with a named zone", "# Notes\n\nDate: 2025-10-14 10:00 AM PT\n", {"/time": tm("10:00", None, "PT", None)}),
    d("UTC range", "# Notes\n\nDate: 2025-10-14 09:30 - 10:30 UTC\n", {"/time": tm("09:30", "10:30", "UTC", "+00:00")}),
    d("GMT with a negative offset", "# Notes\n\nDate: 2025-10-14 09:30 GMT-7\n", {"/time": tm("09:30", None, "GMT-7", "-07:00")}),
    d("numeric offset with minutes", "# Notes\n\nDate: 2025-10-14 9:30 +05:30\n", {"/time": tm("09:30", None, "+05:30", "+05:30")}),
    d("range without spaces", "# Notes\n\nDate: 2025-10-14 19:00-20:00\n", {"/time": tm("19:00", "20:00")}),
    d("zone in parentheses", "# Notes\n\nDate: 2025-10-14 19:00 (UTC+8)\n", {"/time": tm("19:00", None, "UTC+8", "+08:00")}),
    d("12:30 PM is half past noon", "# Notes\n\nDate: 2025-10-14 12:30 PM\n", {"/time": tm("12:30")}),
    d("an impossible time is no time", "# Notes\n\nDate: 2025-10-14 25:00\n", {"/date": "2025-10-14", "/time": None}),
    d("text after the date is not a time (dragonfly 2026-03-10)", "## Next Meeting Schedule\n\nDate: 2026-03-24 Host by @CooooolFrog\n", {"/next_meeting/date": "2026-03-24", "/next_meeting/time": None}),
    d("next meeting date after a blank line (dragonfly)", "## Next Meeting Schedule\n\nDate: 2025-10-14\n", {"/next_meeting/date": "2025-10-14", "/date": None}),
    d("next meeting with weekday and hour (nodejs 2016-10-20)", "## Next Meeting\n\nThursday, 2016-11-03, 1pm US Pacific\n", {"/next_meeting/date": "2016-11-03", "/next_meeting/time": tm("13:00")}),
    d("next meeting in bold prose (dragonfly 2025-08-12)", "# Meeting Skip Notice\n\n## Next Meeting\n\nThe next meeting is on **August 26, 2025**.\n", {"/next_meeting/date": "2025-08-26"}),
    d("next meeting with time and offset", "## Next Meeting\n\nDate: 2025-10-14 19:00 (UTC+8)\n", {"/next_meeting/time": tm("19:00", None, "UTC+8", "+08:00")}),
    d("an event date in a later section does not date the meeting (dragonfly 2025-06-17)", "# Maintainer Meeting\n\n## Attendees\n\n- a\n\n## Events\n\n- Date: 2025-07-05\n", {"/date": None}),
    d("Meeting date: bullet (rust-lang 2020-11-02)", "# T-lang meeting agenda\n\n* Meeting date: 2020-11-02\n", {"/date": "2020-11-02"}),
    d("Meeting date without a colon (rust-lang 2021-01-05)", "# T-lang meeting agenda\n\n* Meeting date 2021-01-05\n", {"/date": "2021-01-05"}),
    d("front matter date", "---\ntitle: Triage\ndate: 2022-09-13\n---\n# Triage meeting\n", {"/date": "2022-09-13"}),
    d("the hint dates a note without a date", "# Maintainer Meeting\n", {"/date": "2025-10-28"}, [], {"date_hint": "2025-10-28"}),
    d("title date copied from an older note disagrees with the hint (dragonfly 2026-02-10)", "# Dragonfly Community Meeting 2026-01-27\n", {"/date": "2026-01-27"}, ["date-mismatch"], {"date_hint": "2026-02-10"}),
    d("date in parentheses in the title", "# Meeting (2025-11-15)\n", {"/date": "2025-11-15"}),
    d("a month and year without a day is not a date", "# Report for May 2025\n", {"/date": None}),
    d("lower-case month word is not a date: the hint stands, no mismatch", "# we may 5 times\n", {"/date": "2025-01-01"}, [], {"date_hint": "2025-01-01"}),
    d("a five-digit number is not a date", "# Notes 2025-10-145\n", {"/date": None}),
    d("a date in prose under a topic does not date the meeting (dragonfly)", "# Maintainer Meeting\n\n## Topics\n\n- release planned (2025-11-15)\n", {"/date": None}),
    d("March 20/21: the first day, with the year from the hint (webassembly)", "## Agenda for the March 20/21 video call of WebAssembly's Community Group\n", {"/date": "2018-03-20"}, [], {"date_hint": "2018-03-20"}),
    d("announced next date is kept even if the next note differs (dragonfly 2025-11-25)", "## Next Meeting Schedule\n\nDate: 2025-12-09\n", {"/next_meeting/date": "2025-12-09"}),
    d("title date wins over a Date: line", "# Meeting 2025-10-14\n\nDate: 2025-10-15\n", {"/date": "2025-10-14"}),
    d("prose date later on a preamble line does not date the meeting", "# Notes\n\nWe met after the 2025-10-01 release.\n", {"/date": None}),
]
