"""Vietnamese text: composed Unicode and dictionary order for lists."""

from __future__ import annotations

import unicodedata

from archive.vietnamese import name_sort_key, nfc, sort_key


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_nfc_composes() -> None:
    assert nfc(nfd("Hòa Bình")) == "Hòa Bình"
    assert len(nfc(nfd("ặ"))) == 1


def ordered(words: list[str]) -> list[str]:
    return sorted(words, key=sort_key)


def test_vowels_with_marks_follow_their_base_letter() -> None:
    assert ordered(["b", "â", "ă", "a"]) == ["a", "ă", "â", "b"]
    assert ordered(["ê", "f", "e"]) == ["e", "ê", "f"]
    assert ordered(["p", "ơ", "ô", "o"]) == ["o", "ô", "ơ", "p"]
    assert ordered(["v", "ư", "u"]) == ["u", "ư", "v"]


def test_d_stroke_follows_d() -> None:
    assert ordered(["e", "đ", "d"]) == ["d", "đ", "e"]
    assert ordered(["Đà Nẵng", "Dương", "Điện Biên", "Bắc Ninh"]) == ["Bắc Ninh", "Dương", "Đà Nẵng", "Điện Biên"]


def test_the_letter_counts_before_the_tone() -> None:
    assert ordered(["ăn", "án", "an"]) == ["an", "án", "ăn"]
    assert ordered(["Ấn", "Anh"]) == ["Anh", "Ấn"]


def test_tones_order_level_grave_hook_tilde_acute_dot() -> None:
    assert ordered(["mạ", "má", "mã", "mả", "mà", "ma"]) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_case_does_not_change_the_order() -> None:
    assert sort_key("Đà Nẵng")[:2] == sort_key("đà nẵng")[:2]
    assert ordered(["b", "A", "c"]) == ["A", "b", "c"]


def test_decomposed_text_sorts_like_composed_text() -> None:
    assert sort_key(nfd("Đặng Hoàng An"))[:2] == sort_key("Đặng Hoàng An")[:2]


def test_names_are_compared_word_by_word() -> None:
    provinces = ["Hàm Yên", "Hải Phòng", "Hà Tĩnh", "Hà Nội", "Hà Nam", "Hà Giang", "Hải Dương"]
    assert ordered(provinces) == ["Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hàm Yên"]
    assert ordered(["Anh", "An Giang", "An"]) == ["An", "An Giang", "Anh"]


def test_numbers_come_before_letters() -> None:
    assert ordered(["Bắc Giang", "28 tỉnh"]) == ["28 tỉnh", "Bắc Giang"]


def test_letters_outside_the_vietnamese_alphabet_come_last() -> None:
    assert ordered(["zeta", "y", "f", "x"]) == ["x", "y", "f", "zeta"]


def test_people_are_listed_by_given_name() -> None:
    people = ["Ngô Quang Trung", "Đặng Hoàng An", "Phan Thị Thắng", "Mai Xuân Liêm", "Nguyễn Hồng Diên"]
    assert sorted(people, key=name_sort_key) == [
        "Đặng Hoàng An",
        "Nguyễn Hồng Diên",
        "Mai Xuân Liêm",
        "Phan Thị Thắng",
        "Ngô Quang Trung",
    ]


def test_people_with_the_same_given_name_are_listed_by_full_name() -> None:
    people = ["Quách Tất Liêm", "Mai Xuân Liêm", "Đỗ Liêm"]
    assert sorted(people, key=name_sort_key) == ["Đỗ Liêm", "Mai Xuân Liêm", "Quách Tất Liêm"]


def test_empty_name_does_not_fail() -> None:
    assert sorted(["", "An"], key=name_sort_key) == ["", "An"]
