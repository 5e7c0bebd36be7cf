"""The rule's dates, computed by rrule: weekly, n-th and last weekday of the month, holidays and exceptions."""

from datetime import date, time

from ontmoet.agenda import recurrence
from ontmoet.agenda.recurrence import Rule


def test_weekly_skips_koningsdag_when_asked():
    # 27 April 2027 is a Tuesday, and Koningsdag.
    rule = Rule("wekelijks", date(2027, 4, 13), date(2027, 5, 4), weekdays=(1,), skip_public_holidays=True)
    assert recurrence.dates(rule, date(2027, 1, 1), date(2028, 1, 1)) == [
        date(2027, 4, 13), date(2027, 4, 20), date(2027, 5, 4)]
    kept = Rule("wekelijks", date(2027, 4, 13), date(2027, 5, 4), weekdays=(1,))
    assert date(2027, 4, 27) in recurrence.dates(kept, date(2027, 1, 1), date(2028, 1, 1))


def test_weekly_on_several_days():
    rule = Rule("wekelijks", date(2027, 3, 1), date(2027, 3, 7), weekdays=(0, 3))
    assert recurrence.dates(rule, date(2027, 1, 1), date(2027, 12, 31)) == [date(2027, 3, 1), date(2027, 3, 4)]


def test_second_tuesday_of_the_month():
    rule = Rule("maandelijks", date(2027, 1, 1), date(2027, 4, 30), month_week=2, month_weekday=1)
    assert recurrence.dates(rule, date(2027, 1, 1), date(2027, 12, 31)) == [
        date(2027, 1, 12), date(2027, 2, 9), date(2027, 3, 9), date(2027, 4, 13)]


def test_last_friday_of_the_month():
    rule = Rule("maandelijks", date(2027, 1, 1), date(2027, 3, 31), month_week=-1, month_weekday=4)
    assert recurrence.dates(rule, date(2027, 1, 1), date(2027, 12, 31)) == [
        date(2027, 1, 29), date(2027, 2, 26), date(2027, 3, 26)]


def test_cancelled_dates_are_left_out():
    rule = Rule("wekelijks", date(2027, 3, 1), date(2027, 3, 22), weekdays=(0,),
                cancelled=frozenset({date(2027, 3, 8)}))
    assert recurrence.dates(rule, date(2027, 1, 1), date(2027, 12, 31)) == [
        date(2027, 3, 1), date(2027, 3, 15), date(2027, 3, 22)]


def test_once_and_the_window():
    rule = Rule("eenmalig", date(2027, 6, 5))
    assert recurrence.dates(rule, date(2027, 6, 1), date(2027, 6, 30)) == [date(2027, 6, 5)]
    assert recurrence.dates(rule, date(2027, 6, 6), date(2027, 6, 30)) == []


def test_the_hour_summer_time_skips_does_not_exist():
    assert recurrence.moment(date(2027, 3, 28), time(2, 30)) is None  # last Sunday of March
    assert recurrence.moment(date(2027, 3, 21), time(2, 30)) is not None
    assert recurrence.missing_times([date(2027, 3, 21), date(2027, 3, 28)], time(2, 30), time(4)) == [date(2027, 3, 28)]
