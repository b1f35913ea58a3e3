"""Synthetic content for benchmarks: a complete content folder of N realistic conference records.

Usage: python -m bench.synthetic OUT --conferences N [--seed S]   (writes OUT/content)

The reference files (about 430 people, the 63 provinces and centrally run cities, their People's
Committees and Departments of Industry and Trade, 6 series, 20 metrics, 13 units, 18 topics) depend on
the seed only. Conference i depends on the seed and i only: its date, series and edition come from a
fixed calendar of weekdays (2000-01-03 to 2025-12-31) and everything else from its own random
generator, so the archive of N=2000 contains the archive of N=250 file for file, byte for byte.
Editions of a numbered series are ranks in that calendar: they rise with the date but have gaps
until the archive is full.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import math
import random
import re
import shutil
import sys
import time
import unicodedata
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from archive.schema import REFERENCE_KINDS

MARKER = ".synthetic"
"""A file in every generated content folder: only such folders are ever replaced."""

FIRST_DAY = datetime.date(2000, 1, 1)
LAST_DAY = datetime.date(2025, 12, 31)

CONFERENCE_SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/conference.schema.json"

# --- Places -----------------------------------------------------------------------------------------------

NORTHERN = (
    "Hà Nội|city", "Hải Phòng|city", "Quảng Ninh", "Hải Dương", "Hưng Yên", "Bắc Ninh", "Vĩnh Phúc",
    "Thái Bình", "Nam Định", "Hà Nam", "Ninh Bình", "Hà Giang", "Cao Bằng", "Bắc Kạn", "Tuyên Quang",
    "Lào Cai", "Yên Bái", "Thái Nguyên", "Lạng Sơn", "Bắc Giang", "Phú Thọ", "Điện Biên", "Lai Châu",
    "Sơn La", "Hòa Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh",
)  # fmt: skip
CENTRAL = (
    "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế", "Đà Nẵng|city", "Quảng Nam", "Quảng Ngãi", "Bình Định",
    "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông",
    "Lâm Đồng",
)  # fmt: skip
SOUTHEAST = ("Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai", "Bà Rịa – Vũng Tàu", "Hồ Chí Minh|city")
MEKONG = (
    "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang",
    "Cần Thơ|city", "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau",
)  # fmt: skip

REGIONS = {
    # id: (vi name, en name, short vi, short en, members)
    "northern-28": (
        "28 tỉnh, thành phố khu vực phía Bắc",
        "the 28 northern provinces and cities",
        "khu vực phía Bắc",
        "the northern region",
        NORTHERN,
    ),
    "central": (
        "16 tỉnh, thành phố miền Trung – Tây Nguyên",
        "the 16 central and Central Highlands provinces and cities",
        "miền Trung – Tây Nguyên",
        "the central region and the Central Highlands",
        CENTRAL,
    ),
    "southern": (
        "19 tỉnh, thành phố khu vực phía Nam",
        "the 19 southern provinces and cities",
        "khu vực phía Nam",
        "the southern region",
        SOUTHEAST + MEKONG,
    ),
    "mekong-delta": (
        "13 tỉnh, thành phố vùng Đồng bằng sông Cửu Long",
        "the 13 Mekong Delta provinces and cities",
        "vùng Đồng bằng sông Cửu Long",
        "the Mekong Delta",
        MEKONG,
    ),
}

# --- People ------------------------------------------------------------------------------------------------

SURNAMES = (
    ("Nguyễn", 30), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Huỳnh", 4), ("Phan", 4), ("Vũ", 4),
    ("Võ", 3), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 1.5), ("Ngô", 1.3), ("Dương", 1), ("Lý", 0.6),
    ("Đinh", 1), ("Đào", 1), ("Trịnh", 0.8), ("Mai", 0.5), ("Lương", 0.5), ("Tạ", 0.3), ("Quách", 0.3),
    ("Hà", 0.5), ("Cao", 0.5), ("Lâm", 0.4), ("Chu", 0.3), ("Thái", 0.3), ("Tô", 0.3), ("Kiều", 0.2),
)  # fmt: skip
MALE_MIDDLE = (
    "Văn", "Hồng", "Quang", "Minh", "Thanh", "Đức", "Ngọc", "Xuân", "Hữu", "Mạnh", "Tiến", "Hoàng", "Việt",
    "Anh", "Công", "Đình", "Quốc", "Trọng", "Tuấn", "Sinh", "Bá", "Chí",
)  # fmt: skip
FEMALE_MIDDLE = ("Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Minh", "Phương", "Thúy", "Kim", "Hoài", "Mai", "Lan")
MALE_GIVEN = (
    "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Huy", "Khánh", "Kiên", "Long", "Minh", "Nam",
    "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tâm", "Thắng", "Thành", "Trung", "Tuấn", "Việt", "Vinh", "Hiếu",
    "Hòa", "Tùng", "Lâm", "Toàn", "Thịnh", "Định", "Khải", "Lợi", "Nghĩa", "Hưng", "Tân", "Chiến", "Thái",
)  # fmt: skip
FEMALE_GIVEN = (
    "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hiền", "Hoa", "Hương", "Lan", "Linh", "Loan", "Mai", "Nga",
    "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Thắng", "Thủy", "Trang", "Tuyết", "Vân", "Yến",
    "Thu", "Hằng",
)  # fmt: skip

TERMS = ((2000, 2005), (2006, 2010), (2011, 2015), (2016, 2020), (2021, 2025))
"""Terms of the ministry's leadership."""
ERAS = ((2000, 2012), (2013, 2025))
"""Terms of heads of units, associations and provincial bodies."""

MOIT_UNITS = (
    # id, vi name, en name, head's title vi, en
    ("moit-import-export", "Cục Xuất nhập khẩu", "Agency of Foreign Trade", "Cục trưởng", "Director General"),
    ("moit-trade-promotion", "Cục Xúc tiến thương mại", "Trade Promotion Agency", "Cục trưởng", "Director General"),
    ("moit-domestic-market", "Vụ Thị trường trong nước", "Domestic Market Department", "Vụ trưởng", "Director"),
    (
        "moit-market-surveillance",
        "Tổng cục Quản lý thị trường",
        "General Department of Market Surveillance",
        "Tổng cục trưởng",
        "Director General",
    ),
    ("moit-industry", "Cục Công nghiệp", "Industry Agency", "Cục trưởng", "Director General"),
    (
        "moit-ecommerce-digital-economy",
        "Cục Thương mại điện tử và Kinh tế số",
        "E-commerce and Digital Economy Agency",
        "Cục trưởng",
        "Director General",
    ),
    ("moit-planning", "Vụ Kế hoạch", "Planning Department", "Vụ trưởng", "Director"),
    (
        "moit-electricity-renewable-energy",
        "Cục Điện lực và Năng lượng tái tạo",
        "Electricity and Renewable Energy Authority",
        "Cục trưởng",
        "Director General",
    ),
    (
        "moit-industrial-safety-environment",
        "Cục Kỹ thuật an toàn và Môi trường công nghiệp",
        "Industrial Safety Techniques and Environment Agency",
        "Cục trưởng",
        "Director General",
    ),
    ("moit-trade-remedies", "Cục Phòng vệ thương mại", "Trade Remedies Authority", "Cục trưởng", "Director General"),
)
BUSINESS_BODIES = (
    # id, vi name, en name, short, representative's title vi, en
    ("evn", "Tập đoàn Điện lực Việt Nam", "Vietnam Electricity", "EVN", "Phó Tổng Giám đốc", "Deputy General Director"),
    (
        "petrolimex",
        "Tập đoàn Xăng dầu Việt Nam",
        "Vietnam National Petroleum Group",
        "Petrolimex",
        "Phó Tổng Giám đốc",
        "Deputy General Director",
    ),
    (
        "vcci",
        "Liên đoàn Thương mại và Công nghiệp Việt Nam",
        "Viet Nam Chamber of Commerce and Industry",
        "VCCI",
        "Phó Chủ tịch",
        "Vice President",
    ),
    (
        "avr",
        "Hiệp hội Các nhà bán lẻ Việt Nam",
        "Association of Vietnam Retailers",
        "AVR",
        "Chủ tịch",
        "Chair",
    ),
    (
        "vitas",
        "Hiệp hội Dệt May Việt Nam",
        "Vietnam Textile and Apparel Association",
        "VITAS",
        "Phó Chủ tịch",
        "Vice Chair",
    ),
    (
        "vasep",
        "Hiệp hội Chế biến và Xuất khẩu thủy sản Việt Nam",
        "Vietnam Association of Seafood Exporters and Producers",
        "VASEP",
        "Tổng Thư ký",
        "Secretary General",
    ),
)

# --- Series, metrics, units, topics -----------------------------------------------------------------------

SERIES = {
    "northern-28": {
        "name": {
            "vi": "Hội nghị ngành Công Thương 28 tỉnh, thành phố khu vực phía Bắc",
            "en": "Conference of the Industry and Trade Sector of the 28 Northern Provinces and Cities",
        },
        "description": {
            "vi": "Chuỗi hội nghị có đánh số kỳ, do Bộ Công Thương tổ chức cùng chính quyền tỉnh, thành phố đăng cai; "
            "nơi đăng cai thay đổi qua các kỳ. Lãnh đạo các Sở Công Thương phía Bắc cùng các Cục, Vụ của Bộ nhìn lại "
            "kết quả công nghiệp, thương mại của vùng, trao đổi vướng mắc trong quản lý nhà nước và bàn cách tăng "
            "liên kết giữa các địa phương.",
            "en": "A numbered series that MOIT organises together with the authorities of a host province or city; "
            "the host changes from one edition to the next. Heads of the northern Departments of Industry and Trade "
            "meet the ministry's agencies and departments to review the region's industrial and trade results, raise "
            "problems in state management and discuss closer cooperation between localities.",
        },
        "region": "northern-28",
        "numbered": True,
    },
    "southern-provinces": {
        "name": {
            "vi": "Hội nghị ngành Công Thương các tỉnh, thành phố khu vực phía Nam",
            "en": "Conference of the Industry and Trade Sector of the Southern Provinces and Cities",
        },
        "description": {
            "vi": "Chuỗi hội nghị có đánh số kỳ của Bộ Công Thương với 19 Sở Công Thương vùng Đông Nam Bộ và Đồng bằng "
            "sông Cửu Long, luân phiên đăng cai giữa các địa phương; trọng tâm là xuất khẩu nông sản, thủy sản, "
            "logistics và phát triển thị trường trong nước.",
            "en": "A numbered series of MOIT meetings with the 19 Departments of Industry and Trade of the Southeast "
            "and the Mekong Delta, hosted by each locality in turn; it centres on farm and seafood exports, "
            "logistics and the development of the domestic market.",
        },
        "region": "southern",
        "numbered": True,
    },
    "central-provinces": {
        "name": {
            "vi": "Hội nghị ngành Công Thương các tỉnh, thành phố miền Trung – Tây Nguyên",
            "en": "Conference of the Industry and Trade Sector of the Central and Central Highlands Provinces",
        },
        "description": {
            "vi": "Chuỗi hội nghị có đánh số kỳ giữa Bộ Công Thương và các Sở Công Thương miền Trung – Tây Nguyên, bàn "
            "về năng lượng, công nghiệp chế biến, liên kết vùng và ứng phó với thiên tai trong sản xuất, lưu thông "
            "hàng hóa.",
            "en": "A numbered series between MOIT and the Departments of Industry and Trade of the central region and "
            "the Central Highlands on energy, processing industry, regional linkage and keeping production and the "
            "flow of goods going through natural disasters.",
        },
        "region": "central",
        "numbered": True,
    },
    "local-industry-trade": {
        "name": {
            "vi": "Hội nghị khối Công Thương địa phương",
            "en": "Conference of the Local Industry and Trade Sector",
        },
        "description": {
            "vi": "Hội nghị toàn quốc do Bộ Công Thương triệu tập theo đề xuất của Cục Công Thương địa phương, nối Bộ "
            "với chính quyền và Sở Công Thương của các tỉnh, thành phố để nắm tình hình sản xuất công nghiệp, "
            "thương mại ở địa phương, nghe vướng mắc và tìm giải pháp tháo gỡ.",
            "en": "A nationwide meeting that MOIT convenes at the proposal of its Agency for Regional Industry and "
            "Trade, linking the ministry with the authorities and Departments of Industry and Trade of every "
            "province and city to take stock of local industry and trade, hear their problems and agree on remedies.",
        },
        "region": "viet-nam",
        "numbered": False,
    },
    "moit-provincial-working": {
        "name": {
            "vi": "Hội nghị Bộ Công Thương làm việc với Sở Công Thương các tỉnh, thành phố",
            "en": "MOIT working conference with the provincial Departments of Industry and Trade",
        },
        "description": {
            "vi": "Buổi làm việc trực tiếp hoặc trực tuyến giữa lãnh đạo Bộ, các Cục, Vụ của Bộ Công Thương với lãnh "
            "đạo Sở Công Thương cả nước, nhằm rà soát kết quả của ngành và gỡ vướng cho bộ máy công thương ở địa "
            "phương.",
            "en": "Working sessions, in person or online, in which MOIT's leadership and its agencies and departments "
            "meet the heads of every province's Department of Industry and Trade to review the sector's results and "
            "clear obstacles for local industry and trade bodies.",
        },
        "region": "viet-nam",
        "numbered": False,
    },
    "market-surveillance": {
        "name": {
            "vi": "Hội nghị công tác quản lý thị trường",
            "en": "Market Surveillance Conference",
        },
        "description": {
            "vi": "Hội nghị sơ kết, tổng kết công tác chống buôn lậu, gian lận thương mại và hàng giả của lực lượng "
            "quản lý thị trường, với sự tham gia của Sở Công Thương và Chi cục Quản lý thị trường các tỉnh, thành phố.",
            "en": "Meetings reviewing the market surveillance force's fight against smuggling, trade fraud and "
            "counterfeits, attended by the provincial Departments of Industry and Trade and Market Surveillance "
            "Sub-Departments.",
        },
        "region": "viet-nam",
        "numbered": False,
    },
}
SERIES_WEIGHTS = {
    "northern-28": 6,
    "southern-provinces": 6,
    "central-provinces": 6,
    "local-industry-trade": 30,
    "moit-provincial-working": 26,
    "market-surveillance": 26,
}

UNITS = {
    "trillion-vnd": {"name": {"vi": "nghìn tỷ đồng", "en": "trillion VND"}},
    "billion-vnd": {"name": {"vi": "tỷ đồng", "en": "billion VND"}},
    "billion-usd": {"name": {"vi": "tỷ USD", "en": "billion USD"}},
    "million-usd": {"name": {"vi": "triệu USD", "en": "million USD"}},
    "billion-kwh": {"name": {"vi": "tỷ kWh", "en": "billion kWh"}},
    "million-kwh": {"name": {"vi": "triệu kWh", "en": "million kWh"}},
    "percent": {"name": "%", "attached": True},
    "localities": {"name": {"vi": "địa phương", "en": "localities"}},
    "provinces": {"name": {"vi": "tỉnh, thành phố", "en": "provinces and cities"}},
    "cases": {"name": {"vi": "vụ việc", "en": "cases"}},
    "events": {"name": {"vi": "sự kiện", "en": "events"}},
    "clusters": {"name": {"vi": "cụm công nghiệp", "en": "industrial clusters"}},
    "markets": {"name": {"vi": "chợ", "en": "markets"}},
}


@dataclass(frozen=True)
class Metric:
    """How a metric's figures are made: kind flow (scales with months), stock, change, rate or count."""

    id: str
    vi: str
    en: str
    kind: str
    base: float = 0.0
    """The nationwide value for a full year around 2025, in the big unit."""
    big: str = ""
    small: str = ""
    """The unit for provinces, worth a thousandth of the big unit unless it is the same."""
    topic: str = ""
    description: tuple[str, str] | None = None
    since: int = 2000
    """The first year conferences report it."""


METRICS = (
    Metric(
        "retail-sales",
        "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
        "Total retail sales of consumer goods and services",
        "flow",
        6800,
        "trillion-vnd",
        "billion-vnd",
        "domestic-market",
        (
            "Giá trị bán lẻ hàng hóa cộng doanh thu dịch vụ tiêu dùng trong kỳ; mức thay đổi so với cùng kỳ năm trước.",
            "Retail sales of goods plus consumer service revenue over the period; the change is against the same "
            "period a year earlier.",
        ),
    ),
    Metric(
        "export-turnover",
        "Kim ngạch xuất khẩu hàng hóa",
        "Export turnover of goods",
        "flow",
        450,
        "billion-usd",
        "million-usd",
        "exports",
    ),
    Metric(
        "import-turnover",
        "Kim ngạch nhập khẩu hàng hóa",
        "Import turnover of goods",
        "flow",
        430,
        "billion-usd",
        "million-usd",
        "exports",
    ),
    Metric(
        "trade-surplus",
        "Xuất siêu hàng hóa",
        "Trade surplus in goods",
        "flow",
        22,
        "billion-usd",
        "million-usd",
        "exports",
    ),
    Metric(
        "ecommerce-revenue",
        "Doanh thu thương mại điện tử bán lẻ",
        "Retail e-commerce revenue",
        "flow",
        25,
        "billion-usd",
        "million-usd",
        "e-commerce",
        since=2014,
    ),
    Metric(
        "electricity-output",
        "Sản lượng điện sản xuất và nhập khẩu",
        "Electricity generated and imported",
        "flow",
        310,
        "billion-kwh",
        "million-kwh",
        "energy",
    ),
    Metric(
        "industrial-extension-funding",
        "Kinh phí khuyến công",
        "Industrial extension funding",
        "flow",
        260,
        "billion-vnd",
        "billion-vnd",
        "industrial-clusters",
    ),
    Metric(
        "market-surveillance-fines",
        "Số tiền xử phạt vi phạm hành chính và trị giá hàng tịch thu của lực lượng quản lý thị trường",
        "Administrative fines and the value of goods confiscated by the market surveillance force",
        "flow",
        520,
        "billion-vnd",
        "billion-vnd",
        "market-surveillance",
    ),
    Metric(
        "market-surveillance-cases",
        "Số vụ việc vi phạm do lực lượng quản lý thị trường phát hiện, xử lý",
        "Violations detected and handled by the market surveillance force",
        "flow",
        52000,
        "cases",
        "cases",
        "market-surveillance",
    ),
    Metric(
        "trade-promotion-events",
        "Số hoạt động xúc tiến thương mại, hội chợ, triển lãm được tổ chức",
        "Trade promotion activities, fairs and exhibitions held",
        "flow",
        1400,
        "events",
        "events",
        "trade-promotion",
    ),
    Metric(
        "industrial-clusters",
        "Số cụm công nghiệp đã được thành lập",
        "Industrial clusters established",
        "stock",
        1250,
        "clusters",
        "clusters",
        "industrial-clusters",
    ),
    Metric(
        "traditional-markets",
        "Số chợ truyền thống đang hoạt động",
        "Traditional markets in operation",
        "stock",
        8500,
        "markets",
        "markets",
        "domestic-market",
    ),
    Metric(
        "iip",
        "Chỉ số sản xuất công nghiệp (IIP)",
        "Index of Industrial Production (IIP)",
        "change",
        topic="industrial-production",
        description=(
            "Thường được nêu dưới dạng mức tăng, giảm so với cùng kỳ năm trước.",
            "Usually reported as its rise or fall against the same period a year earlier.",
        ),
    ),
    Metric(
        "cpi",
        "Chỉ số giá tiêu dùng (CPI)",
        "Consumer Price Index (CPI)",
        "change",
        topic="price-stability",
    ),
    Metric(
        "grdp-growth",
        "Tốc độ tăng trưởng kinh tế (GDP, GRDP)",
        "Economic growth rate (GDP, GRDP)",
        "rate",
        big="percent",
        small="percent",
        topic="industrial-production",
    ),
    Metric(
        "industry-value-added-growth",
        "Tốc độ tăng giá trị tăng thêm ngành công nghiệp",
        "Growth of industrial value added",
        "rate",
        big="percent",
        small="percent",
        topic="industrial-production",
    ),
    Metric(
        "localities-iip-positive",
        "Số địa phương có chỉ số sản xuất công nghiệp (IIP) tăng trưởng dương so với cùng kỳ",
        "Localities whose Index of Industrial Production (IIP) grew year on year",
        "count",
        big="localities",
        topic="industrial-production",
    ),
    Metric(
        "localities-iip-10pct-or-more",
        "Số địa phương có chỉ số sản xuất công nghiệp (IIP) tăng từ 10% trở lên so với cùng kỳ",
        "Localities whose Index of Industrial Production (IIP) grew by 10% or more year on year",
        "count",
        big="localities",
        topic="industrial-production",
    ),
    Metric(
        "localities-export-positive",
        "Số địa phương có kim ngạch xuất khẩu tăng trưởng dương so với cùng kỳ",
        "Localities whose export turnover grew year on year",
        "count",
        big="localities",
        topic="exports",
    ),
    Metric(
        "provinces-master-plan-approved",
        "Số tỉnh, thành phố đã được phê duyệt quy hoạch tỉnh",
        "Provinces and cities whose provincial master plan has been approved",
        "count",
        big="provinces",
        topic="planning",
        since=2022,
    ),
)
METRIC_BY_ID = {metric.id: metric for metric in METRICS}

TOPICS = {
    "industrial-production": ("Sản xuất công nghiệp", "Industrial production"),
    "supporting-industries": ("Công nghiệp hỗ trợ", "Supporting industries"),
    "industrial-clusters": ("Cụm công nghiệp và khuyến công", "Industrial clusters and industrial extension"),
    "exports": ("Xuất nhập khẩu và thị trường nước ngoài", "Exports, imports and foreign markets"),
    "e-commerce": ("Thương mại điện tử", "E-commerce"),
    "domestic-market": ("Thị trường trong nước, bán lẻ và tiêu dùng", "Domestic market, retail and consumption"),
    "trade-promotion": ("Xúc tiến thương mại", "Trade promotion"),
    "ftas": ("Các hiệp định thương mại tự do (FTA) và hội nhập", "Free trade agreements (FTAs) and integration"),
    "planning": ("Quy hoạch", "Planning and master plans"),
    "business-support": (
        "Tháo gỡ khó khăn cho doanh nghiệp và dự án",
        "Removing obstacles for businesses and projects",
    ),
    "legal-framework": ("Thể chế, pháp luật và cơ chế, chính sách", "Laws, institutions and policy mechanisms"),
    "administrative-reform": ("Cải cách hành chính và thủ tục hành chính", "Administrative reform and procedures"),
    "market-surveillance": ("Quản lý thị trường, chống buôn lậu, hàng giả", "Market surveillance, smuggling and fakes"),
    "price-stability": ("Kiềm chế lạm phát, bình ổn giá", "Inflation control and price stability"),
    "energy": ("Năng lượng và dự án điện", "Energy and power projects"),
    "logistics": ("Dịch vụ logistics", "Logistics services"),
    "digital-transformation": ("Chuyển đổi số", "Digital transformation"),
    "regional-linkage": ("Liên kết vùng và hợp tác giữa các địa phương", "Regional linkage and cooperation"),
}
SERIES_TOPICS = {
    "northern-28": ("industrial-production", "regional-linkage", "exports", "planning", "supporting-industries"),
    "southern-provinces": ("exports", "logistics", "domestic-market", "ftas", "regional-linkage"),
    "central-provinces": ("energy", "industrial-production", "regional-linkage", "industrial-clusters", "logistics"),
    "local-industry-trade": ("industrial-clusters", "domestic-market", "planning", "business-support", "e-commerce"),
    "moit-provincial-working": ("administrative-reform", "legal-framework", "digital-transformation", "planning"),
    "market-surveillance": ("market-surveillance", "price-stability", "e-commerce", "domestic-market"),
}

# --- Vocabulary ---------------------------------------------------------------------------------------------

AREAS = (
    # vi, en, topic
    ("sản xuất công nghiệp", "industrial production", "industrial-production"),
    ("công nghiệp chế biến, chế tạo", "the processing and manufacturing industry", "industrial-production"),
    ("các sản phẩm công nghiệp chủ lực", "the main industrial products", "industrial-production"),
    ("công nghiệp hỗ trợ", "supporting industries", "supporting-industries"),
    ("chuỗi cung ứng linh kiện, phụ tùng", "supply chains for components and parts", "supporting-industries"),
    ("đầu tư hạ tầng cụm công nghiệp", "investment in industrial cluster infrastructure", "industrial-clusters"),
    ("chương trình khuyến công", "the industrial extension programme", "industrial-clusters"),
    ("công nghiệp nông thôn", "rural industry", "industrial-clusters"),
    ("xuất khẩu", "exports", "exports"),
    ("xuất khẩu nông sản, thủy sản", "farm and seafood exports", "exports"),
    ("mở rộng thị trường xuất khẩu", "the widening of export markets", "exports"),
    ("thương mại biên giới", "border trade", "exports"),
    ("thương mại điện tử", "e-commerce", "e-commerce"),
    ("bán hàng trên các sàn thương mại điện tử", "sales on e-commerce platforms", "e-commerce"),
    ("thị trường trong nước", "the domestic market", "domestic-market"),
    ("hạ tầng thương mại", "commercial infrastructure", "domestic-market"),
    ("chợ truyền thống và siêu thị", "traditional markets and supermarkets", "domestic-market"),
    (
        "Cuộc vận động Người Việt Nam ưu tiên dùng hàng Việt Nam",
        "the campaign for Vietnamese people to put Vietnamese goods first",
        "domestic-market",
    ),
    ("xúc tiến thương mại", "trade promotion", "trade-promotion"),
    ("kết nối cung cầu hàng hóa", "matching supply and demand for goods", "trade-promotion"),
    ("phát triển thương hiệu sản phẩm địa phương", "brands for local products", "trade-promotion"),
    ("các hiệp định thương mại tự do", "the free trade agreements", "ftas"),
    ("phòng vệ thương mại", "trade remedies", "ftas"),
    ("quy hoạch tỉnh", "the provincial master plan", "planning"),
    ("quy hoạch phát triển điện lực", "power development planning", "planning"),
    ("chuyển đổi số", "digital transformation", "digital-transformation"),
    ("chuyển đổi số trong doanh nghiệp", "digital transformation in businesses", "digital-transformation"),
    ("dịch vụ công trực tuyến", "online public services", "administrative-reform"),
    ("cải cách thủ tục hành chính", "the reform of administrative procedures", "administrative-reform"),
    ("khung pháp lý", "the legal framework", "legal-framework"),
    ("cơ chế, chính sách đặc thù", "special policy mechanisms", "legal-framework"),
    ("hỗ trợ doanh nghiệp nhỏ và vừa", "support for small and medium-sized businesses", "business-support"),
    ("các dự án công nghiệp trọng điểm", "key industrial projects", "business-support"),
    ("quản lý thị trường", "market surveillance", "market-surveillance"),
    (
        "chống buôn lậu, gian lận thương mại và hàng giả",
        "the fight against smuggling, trade fraud and counterfeits",
        "market-surveillance",
    ),
    ("an toàn thực phẩm", "food safety", "market-surveillance"),
    ("bình ổn giá cả", "price stabilisation", "price-stability"),
    ("cung ứng xăng dầu", "fuel supply", "price-stability"),
    ("cung ứng điện", "power supply", "energy"),
    ("năng lượng tái tạo", "renewable energy", "energy"),
    ("sử dụng năng lượng tiết kiệm và hiệu quả", "energy efficiency", "energy"),
    ("dịch vụ logistics", "logistics services", "logistics"),
    ("hạ tầng logistics", "logistics infrastructure", "logistics"),
    ("liên kết vùng", "regional linkage", "regional-linkage"),
    ("hợp tác giữa các địa phương", "cooperation between localities", "regional-linkage"),
)
AREAS_BY_TOPIC: dict[str, list[tuple[str, str, str]]] = {}
for _area in AREAS:
    AREAS_BY_TOPIC.setdefault(_area[2], []).append(_area)

VERBS = (
    ("đẩy mạnh {x}", "step up {x}"),
    ("tăng cường {x}", "strengthen {x}"),
    ("rà soát, hoàn thiện {x}", "review and improve {x}"),
    ("nâng cao hiệu quả {x}", "make {x} more effective"),
    ("tập trung tháo gỡ vướng mắc trong {x}", "focus on clearing the obstacles in {x}"),
    ("ưu tiên nguồn lực cho {x}", "give priority funding to {x}"),
    ("phối hợp chặt chẽ với các Bộ, ngành về {x}", "work closely with the other ministries on {x}"),
    ("theo dõi sát diễn biến của {x}", "follow {x} closely"),
    ("xây dựng kế hoạch cụ thể về {x}", "draw up a concrete plan for {x}"),
    ("hỗ trợ doanh nghiệp trong {x}", "help businesses with {x}"),
    ("đánh giá đầy đủ kết quả {x}", "fully assess the results of {x}"),
    ("phát triển {x}", "develop {x}"),
    ("kiểm tra, giám sát {x}", "inspect and monitor {x}"),
    ("huy động nguồn lực xã hội cho {x}", "draw private and social capital into {x}"),
    ("đào tạo, bồi dưỡng cán bộ làm công tác {x}", "train the officials who handle {x}"),
)
TAILS = (
    (" gắn với {y}", " alongside {y}"),
    (", bảo đảm hoàn thành kế hoạch năm {year}", " so that the {year} plan is met"),
    (" trên địa bàn từng tỉnh, thành phố", " in each province and city"),
    (", nhất là đối với doanh nghiệp nhỏ và vừa", ", especially for small and medium-sized businesses"),
    (" theo đúng chỉ đạo của Chính phủ và Thủ tướng Chính phủ", " as the Government and the Prime Minister directed"),
    (", báo cáo Bộ Công Thương trước ngày {deadline_vi}", " and report to MOIT by {deadline_en}"),
    (" để tạo động lực tăng trưởng cho {y}", " to drive growth in {y}"),
    (", không để xảy ra tình trạng thiếu hàng, sốt giá", " so that no shortages or price spikes occur"),
    ("", ""),
    ("", ""),
)
CONTEXTS = (
    ("giá nguyên liệu đầu vào tăng cao", "rising input prices"),
    ("nhu cầu của thị trường thế giới suy giảm", "weaker demand on world markets"),
    ("hội nhập kinh tế quốc tế ngày càng sâu rộng", "ever deeper international economic integration"),
    ("thiên tai, dịch bệnh diễn biến phức tạp", "unpredictable natural disasters and epidemics"),
    ("cạnh tranh ngày càng gay gắt", "increasingly fierce competition"),
    ("cuộc Cách mạng công nghiệp lần thứ tư", "the Fourth Industrial Revolution"),
    ("chi phí logistics còn cao", "logistics costs that remain high"),
    ("các thị trường lớn siết chặt tiêu chuẩn nhập khẩu", "major markets tightening their import standards"),
)
HEADINGS = (
    ("Nhiệm vụ trọng tâm về phát triển công nghiệp", "Priority tasks for industrial development"),
    ("Nhiệm vụ về thương mại và phát triển thị trường", "Tasks for trade and market development"),
    ("Nhiệm vụ về quản lý nhà nước ở địa phương", "Tasks for state management in the localities"),
    ("Giải pháp thúc đẩy xuất khẩu", "Measures to boost exports"),
    ("Nhiệm vụ về năng lượng", "Energy tasks"),
    ("Nhiệm vụ về cải cách hành chính và chuyển đổi số", "Tasks for administrative reform and going digital"),
)
ADDRESSEES = (
    ("Sở Công Thương các tỉnh, thành phố", "the provincial Departments of Industry and Trade"),
    ("Các Cục, Vụ và đơn vị thuộc Bộ Công Thương", "MOIT's agencies, departments and other units"),
    ("UBND các tỉnh, thành phố", "the provincial People's Committees"),
    ("Chi cục Quản lý thị trường các tỉnh, thành phố", "the provincial Market Surveillance Sub-Departments"),
)
THEMES = (
    ("phát triển công nghiệp và thương mại bền vững", "sustainable industrial and trade development"),
    ("tháo gỡ khó khăn cho sản xuất, kinh doanh", "unblocking production and business"),
    ("thúc đẩy xuất khẩu và phát triển thị trường trong nước", "boosting exports and the domestic market"),
    ("nâng cao hiệu lực quản lý nhà nước về công thương", "more effective state management of industry and trade"),
    ("chuyển đổi số ngành Công Thương", "the digital transformation of the industry and trade sector"),
    ("tăng cường liên kết vùng", "stronger regional linkage"),
    ("kiểm soát thị trường, bình ổn giá", "market control and price stability"),
)
HALLS = (
    ("Trung tâm Hội nghị tỉnh {p}", "{p} Provincial Conference Centre"),
    ("Hội trường UBND tỉnh {p}", "Hall of the {p} Provincial People's Committee"),
    ("Khách sạn Mường Thanh {p}", "Mường Thanh Hotel, {p}"),
    ("Hội trường Sở Công Thương {p}", "Hall of the {p} Department of Industry and Trade"),
)
STREETS = (
    "Trần Hưng Đạo", "Lê Lợi", "Hai Bà Trưng", "Nguyễn Huệ", "Quang Trung", "Lý Thường Kiệt", "Hùng Vương",
    "Lê Duẩn", "Nguyễn Trãi", "Phan Đình Phùng", "Điện Biên Phủ", "Trần Phú",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip
QUARTERS_EN = ("first", "second", "third", "fourth")
NUMBER_WORDS_EN = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")


# --- Small helpers ------------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lowercase ASCII without marks, đ as d: 'Bà Rịa – Vũng Tàu' → 'ba ria – vung tau'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def slugify(text: str, limit: int = 80) -> str:
    """A lowercase ASCII slug of letters, digits and single hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return slug[:limit].rstrip("-")


def roman(number: int) -> str:
    result = ""
    for value, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
        (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        count, number = divmod(number, value)
        result += letters * count
    return result


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """Lowercase the first letter, unless the first word is an acronym such as IIP or GDP."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() and len(first) > 1 else text[:1].lower() + text[1:]


def number_vi(value: float) -> str:
    """1.612,9 as Vietnamese writes numbers."""
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "#").replace(".", ",").replace("#", ".")


def number_en(value: float) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")


def date_vi(day: datetime.date) -> str:
    return f"{day.day}/{day.month}/{day.year}"


def date_en(day: datetime.date) -> str:
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def month_iso(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def text(vi: str, en: str) -> dict[str, str]:
    return {"vi": vi, "en": en}


def stable_fraction(key: str) -> float:
    """A number in [0, 1) that depends on key only (not on PYTHONHASHSEED)."""
    return zlib.crc32(key.encode("utf-8")) / 2**32


_TAGS = {kind: f"tag:yaml.org,2002:{kind.__name__}" for kind in (str, int, bool)}
_RESOLVED: dict[tuple[str, tuple[bool, ...]], str] = {}


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """yaml.safe_dump's dumper (libyaml's when PyYAML has it), with a leaner representer and a memo of
    how short plain scalars resolve (ids, dates, numbers recur): the same text as yaml.safe_dump, about
    twice as fast. Every value gets a node of its own, so the output never holds anchors or aliases."""

    def represent(self, data: Any) -> None:
        self.serialize(self._node(data))

    def _node(self, data: Any) -> yaml.Node:
        kind = type(data)
        if kind is str:
            return yaml.ScalarNode(_TAGS[str], data)
        if kind is dict:
            pairs = [(self._node(key), self._node(value)) for key, value in data.items()]
            return yaml.MappingNode("tag:yaml.org,2002:map", pairs, flow_style=False)
        if kind is list:
            return yaml.SequenceNode("tag:yaml.org,2002:seq", [self._node(item) for item in data], flow_style=False)
        if kind is bool:
            return yaml.ScalarNode(_TAGS[bool], "true" if data else "false")
        if kind is int:
            return yaml.ScalarNode(_TAGS[int], str(data))
        return self.represent_data(data)

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is not yaml.ScalarNode or len(value) > 60:
            return super().resolve(kind, value, implicit)
        key = (value, tuple(implicit))
        if key not in _RESOLVED:
            _RESOLVED[key] = super().resolve(kind, value, implicit)
        return _RESOLVED[key]


def dump(data: Any, schema_line: str) -> str:
    """The file's text: the schema line, then the data exactly as yaml.safe_dump(data, allow_unicode=True,
    sort_keys=False, width=1000) writes it."""
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    return unicodedata.normalize("NFC", f"{schema_line}\n{body}")


# --- Reference files ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Province:
    id: str
    name: str
    kind: str
    region: str

    @property
    def level_vi(self) -> str:
        return "thành phố" if self.kind == "city" else "tỉnh"

    @property
    def ppc_vi(self) -> str:
        return f"UBND {self.level_vi} {self.name}"

    @property
    def ppc_en(self) -> str:
        return (
            f"{self.name} People's Committee" if self.kind == "city" else f"{self.name} Provincial People's Committee"
        )


@dataclass
class Person:
    id: str
    name: str
    female: bool
    role_vi: str
    role_en: str
    start: int
    end: int


@dataclass
class References:
    """Every reference file's data, and the lookups the records are made from."""

    seed: int
    provinces: list[Province] = field(default_factory=list)
    by_region: dict[str, list[Province]] = field(default_factory=dict)
    province: dict[str, Province] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    posts: dict[str, list[Person]] = field(default_factory=dict)
    files: dict[str, dict[str, Any]] = field(default_factory=dict)

    def holder(self, post: str, year: int) -> Person:
        """Who held a post in a year."""
        for person in self.posts[post]:
            if person.start <= year <= person.end:
                return person
        raise KeyError((post, year))

    def role(self, person: Person) -> dict[str, str]:
        """The person's title, as a fresh object (shared objects would become YAML aliases)."""
        return text(person.role_vi, person.role_en)


def build_references(seed: int) -> References:
    refs = References(seed)
    places: dict[str, Any] = {
        "viet-nam": {"name": text("Cả nước", "Viet Nam (nationwide)"), "kind": "country"},
    }
    for region_id, (vi, en, _, _, _) in REGIONS.items():
        places[region_id] = {"name": text(vi, en), "kind": "region"}
    for region_id in ("northern-28", "central", "southern"):
        for entry in REGIONS[region_id][4]:
            name, _, kind = entry.partition("|")
            province = Province(slugify(name), name, kind or "province", region_id)
            refs.provinces.append(province)
            refs.province[province.id] = province
            refs.by_region.setdefault(region_id, []).append(province)
    refs.by_region["mekong-delta"] = [refs.province[slugify(name.partition("|")[0])] for name in MEKONG]
    refs.by_region["viet-nam"] = list(refs.provinces)
    assert len(refs.provinces) == 63 and len(refs.province) == 63
    for province in sorted(refs.provinces, key=lambda p: p.id):
        places[province.id] = {"name": province.name, "kind": province.kind}

    organizations: dict[str, Any] = {
        "government": {"name": text("Chính phủ", "the Government of Viet Nam")},
        "prime-minister": {"name": text("Thủ tướng Chính phủ", "the Prime Minister")},
        "government-office": {"name": text("Văn phòng Chính phủ", "the Government Office"), "part_of": "government"},
        "national-assembly": {"name": text("Quốc hội", "the National Assembly")},
        "moit": {
            "name": text("Bộ Công Thương", "Ministry of Industry and Trade"),
            "short": "MOIT",
            "url": "https://moit.gov.vn/",
        },
        "arit": {
            "name": text("Cục Công Thương địa phương", "Agency for Regional Industry and Trade"),
            "short": "ARIT",
            "part_of": "moit",
            "url": "https://arit.gov.vn/",
        },
    }
    for unit_id, vi, en, _, _ in MOIT_UNITS:
        organizations[unit_id] = {"name": text(vi, en), "part_of": "moit"}
    for body_id, vi, en, short, _, _ in BUSINESS_BODIES:
        organizations[body_id] = {"name": text(vi, en), "short": short}
    organizations["provincial-ppcs"] = {
        "name": text(
            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
            "People's Committees of the provinces and centrally run cities",
        )
    }
    organizations["provincial-doits"] = {
        "name": text("Sở Công Thương các tỉnh, thành phố", "provincial and city Departments of Industry and Trade")
    }
    organizations["provincial-market-surveillance"] = {
        "name": text(
            "Chi cục Quản lý thị trường các tỉnh, thành phố",
            "provincial and city Market Surveillance Sub-Departments",
        )
    }
    for province in sorted(refs.provinces, key=lambda p: p.id):
        organizations[f"{province.id}-ppc"] = {
            "name": text(f"Ủy ban nhân dân {province.level_vi} {province.name}", province.ppc_en),
            "short": text(province.ppc_vi, f"{province.name} {'PC' if province.kind == 'city' else 'PPC'}"),
            "place": province.id,
        }
        organizations[f"{province.id}-doit"] = {
            "name": text(f"Sở Công Thương {province.name}", f"{province.name} Department of Industry and Trade"),
            "place": province.id,
        }

    _make_people(refs, random.Random(f"{seed}-people"))
    people = {
        person.id: {
            "name": person.name,
            "note": text(
                f"{person.role_vi} giai đoạn {person.start}–{person.end}.",
                f"{person.role_en}, {person.start}–{person.end}.",
            ),
        }
        for person in refs.people.values()
    }
    metrics: dict[str, Any] = {}
    for metric in METRICS:
        metrics[metric.id] = {"name": text(metric.vi, metric.en)}
        if metric.description:
            metrics[metric.id]["description"] = text(*metric.description)
    refs.files = {
        "people": people,
        "places": places,
        "organizations": organizations,
        "series": SERIES,
        "metrics": metrics,
        "units": UNITS,
        "topics": {topic: {"name": text(vi, en)} for topic, (vi, en) in TOPICS.items()},
        "acts": {},
    }
    return refs


def _make_people(refs: References, rng: random.Random) -> None:
    """About 430 people, each holding one post for one term."""
    surnames = [name for name, _ in SURNAMES]
    weights = [weight for _, weight in SURNAMES]
    names_taken: set[str] = set()

    def person(post: str, start: int, end: int, role_vi: str, role_en: Callable[[bool], str]) -> None:
        female = rng.random() < 0.27
        while True:
            middles = FEMALE_MIDDLE if female else MALE_MIDDLE
            given = rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)
            # Most names have three words; some have two middle names (Nguyễn Thị Thu Hà, Nguyễn Sinh Nhật Tân).
            middle = rng.sample(middles, 2 if rng.random() < 0.15 else 1)
            words = [rng.choices(surnames, weights)[0], *middle, given]
            name = " ".join(words)
            if name not in names_taken and len(set(words)) == len(words):
                break
        names_taken.add(name)
        slug, number = slugify(name), 2
        while slug in refs.people:
            slug, number = f"{slugify(name)}-{number}", number + 1
        someone = Person(slug, name, female, role_vi, role_en(female), start, end)
        refs.people[slug] = someone
        refs.posts.setdefault(post, []).append(someone)

    def chair(female: bool, vice: bool = True) -> str:
        return ("Vice " if vice else "") + ("Chairwoman" if female else "Chairman")

    for start, end in TERMS:
        person("minister", start, end, "Bộ trưởng Bộ Công Thương", lambda _: "Minister of Industry and Trade")
        for seat in range(3):
            person(
                f"deputy-minister-{seat}",
                start,
                end,
                "Thứ trưởng Bộ Công Thương",
                lambda _: "Deputy Minister of Industry and Trade",
            )
        person(
            "arit",
            start,
            end,
            "Cục trưởng Cục Công Thương địa phương, Bộ Công Thương",
            lambda _: "Director General of the Agency for Regional Industry and Trade, MOIT",
        )
    for start, end in ERAS:
        for unit_id, vi, en, title_vi, title_en in MOIT_UNITS:
            person(
                unit_id, start, end, f"{title_vi} {vi}, Bộ Công Thương", lambda _, t=title_en, e=en: f"{t} of the {e}"
            )
        for body_id, vi, _, short, title_vi, title_en in BUSINESS_BODIES:
            person(body_id, start, end, f"{title_vi} {vi}", lambda _, t=title_en, s=short: f"{t}, {s}")
        for province in refs.provinces:
            person(
                f"{province.id}-ppc",
                start,
                end,
                f"Phó Chủ tịch {province.ppc_vi}",
                lambda female, p=province: f"{chair(female)} of the {p.ppc_en}",
            )
            person(
                f"{province.id}-doit",
                start,
                end,
                f"Giám đốc Sở Công Thương {province.name}",
                lambda _, p=province: f"Director of the {p.name} Department of Industry and Trade",
            )
            person(
                f"{province.id}-doit-deputy",
                start,
                end,
                f"Phó Giám đốc Sở Công Thương {province.name}",
                lambda _, p=province: f"Deputy Director of the {p.name} Department of Industry and Trade",
            )


# --- The calendar -------------------------------------------------------------------------------------------


class CalendarFull(ValueError):
    """More conferences were asked for than the calendar has weekdays."""


@dataclass
class Calendar:
    """Every weekday from 2000 to 2025 belongs to one series; conference i takes slot (stride * i + offset) mod T."""

    days: list[datetime.date]
    series: list[str]
    edition: list[int]
    stride: int
    offset: int

    def slot(self, index: int) -> int:
        if not 0 <= index < len(self.days):
            raise CalendarFull(f"conference {index} is out of range: the calendar holds {len(self.days)}")
        return (self.stride * index + self.offset) % len(self.days)


def build_calendar(seed: int) -> Calendar:
    day, days = FIRST_DAY, []
    while day <= LAST_DAY:
        if day.weekday() < 5:
            days.append(day)
        day += datetime.timedelta(days=1)
    rng = random.Random(f"{seed}-calendar")
    names, weights = list(SERIES_WEIGHTS), list(SERIES_WEIGHTS.values())
    series = rng.choices(names, weights, k=len(days))
    counts: dict[str, int] = {}
    editions = []
    for name in series:
        counts[name] = counts.get(name, 0) + 1
        editions.append(counts[name])
    total = len(days)
    stride = round(total * (math.sqrt(5) - 1) / 2)
    while math.gcd(stride, total) != 1:
        stride += 1
    return Calendar(days, series, editions, stride, total // 3)


# --- Conference records -------------------------------------------------------------------------------------


class RecordMaker:
    """Makes conference i from its own random generator."""

    def __init__(self, refs: References, calendar: Calendar, index: int) -> None:
        self.refs = refs
        self.rng = random.Random(f"{refs.seed}-{index}")
        slot = calendar.slot(index)
        self.index = index
        self.day = calendar.days[slot]
        self.year = self.day.year
        self.series = calendar.series[slot]
        self.numbered = bool(SERIES[self.series]["numbered"])
        self.edition = calendar.edition[slot] if self.numbered else None
        self.region = str(SERIES[self.series]["region"])
        self.members = refs.by_region[self.region]

    # Text pieces.

    def pick(self, items: Any, k: int) -> list[Any]:
        return self.rng.sample(list(items), k)

    def area(self) -> tuple[str, str, str]:
        if self.rng.random() < 0.7:
            return self.rng.choice(AREAS_BY_TOPIC[self.rng.choice(self.topics)])
        return self.rng.choice(AREAS)

    def areas(self, count: int) -> list[tuple[str, str, str]]:
        """Different areas, mostly from the record's topics."""
        chosen: list[tuple[str, str, str]] = []
        while len(chosen) < count:
            area = self.area()
            if area not in chosen:
                chosen.append(area)
        return chosen

    def clause(self) -> tuple[str, str]:
        """A verb phrase on an area, lowercase: 'đẩy mạnh xuất khẩu gắn với ...' / 'step up exports alongside ...'."""
        verb_vi, verb_en = self.rng.choice(VERBS)
        x, y = self.areas(2)
        tail_vi, tail_en = self.rng.choice(TAILS)
        deadline = datetime.date(self.year, 12, 15) if self.day.month < 11 else datetime.date(self.year + 1, 3, 15)
        values = {
            "y": y[0],
            "year": self.year,
            "deadline_vi": date_vi(deadline),
            "deadline_en": date_en(deadline),
        }
        vi = verb_vi.format(x=x[0]) + tail_vi.format(**values)
        values["y"] = y[1]
        en = verb_en.format(x=x[1]) + tail_en.format(**values)
        return vi, en

    def sentence(self, clauses: int = 1) -> dict[str, str]:
        parts = [self.clause() for _ in range(clauses)]
        vi = "; ".join(vi for vi, _ in parts)
        en = "; ".join(en for _, en in parts)
        return text(upper_first(vi) + ".", upper_first(en) + ".")

    def scope_name(self, scope: str) -> tuple[str, str]:
        if scope == "viet-nam":
            return "cả nước", "the whole country"
        if scope in REGIONS:
            return REGIONS[scope][0], REGIONS[scope][1]
        name = self.refs.province[scope].name
        return f"{self.refs.province[scope].level_vi} {name}", name

    # The record.

    def make(self) -> dict[str, Any]:
        rng = self.rng
        self.topics = self.pick(SERIES_TOPICS[self.series], rng.randint(1, 3))
        host = self.host_province()
        self.host = host
        self.period = self.main_period()
        leader = self.refs.holder(
            "minister" if rng.random() < 0.3 else f"deputy-minister-{rng.randrange(3)}", self.year
        )
        self.leader = leader
        fmt = rng.choices(("in-person", "hybrid", "online", "unknown"), (50, 25, 15, 10))[0]
        record: dict[str, Any] = {"id": "", "series": self.series}
        if self.edition:
            record["edition"] = self.edition
        record["title"] = self.title()
        record["summary"] = {}
        record["date"] = self.day.isoformat()
        if rng.random() < 0.4:
            record["start_time"] = rng.choice(("07:30", "08:00", "08:30", "09:00", "13:30", "14:00"))
        if rng.random() < 0.5:
            record["duration_days"] = rng.choice((0.5, 1, 1, 1, 2))
        if rng.random() < 0.4:
            record["delegates_expected"] = rng.randrange(120, 650, 10)
        record["format"] = fmt
        record["venue"] = self.venue(fmt)
        record["hosts"] = ["moit", f"{host.id}-ppc"] if record["venue"] != "unknown" else ["moit", "arit"]
        record["chairs"] = self.chairs()
        record["participants"] = self.participants()
        record["figures"] = self.figures()
        record["speakers"] = self.speakers(record["figures"])
        record["conclusions"] = self.conclusions()
        recommendations = self.recommendations()
        if recommendations:
            record["recommendations"] = recommendations
        documents = self.documents()
        if documents:
            record["documents"] = documents
        record["topics"] = list(self.topics)
        record["sources"] = self.sources(record["title"])
        record["summary"] = self.summary(record)
        slug = self.series + (f"-{roman(self.edition).lower()}" if self.edition else f"-{host.id}")
        record["id"] = f"{self.day.isoformat()}-{slug}"
        # Move the speakers before the figures, as the schema and the real records order them.
        order = [
            "id", "series", "edition", "title", "summary", "date", "start_time", "duration_days",
            "delegates_expected", "format", "venue", "hosts", "chairs", "participants", "speakers", "figures",
            "conclusions", "recommendations", "documents", "topics", "sources",
        ]  # fmt: skip
        return {key: record[key] for key in order if key in record}

    def host_province(self) -> Province:
        if self.region == "viet-nam" and self.rng.random() < 0.45:
            return self.refs.province["ha-noi"]
        return self.rng.choice(self.members)

    def title(self) -> dict[str, str]:
        name = SERIES[self.series]["name"]
        year = self.year
        if self.edition:
            return text(
                f"{name['vi']} lần thứ {roman(self.edition)} năm {year}",
                f"{ordinal(self.edition)} {name['en']}, {year}",
            )
        theme_vi, theme_en = self.rng.choice(THEMES)
        if self.day.month >= 7:
            return text(
                f"{name['vi']} sơ kết 6 tháng đầu năm {year}: {theme_vi}",
                f"{name['en']}: Half-Year Review {year} — {theme_en}",
            )
        return text(
            f"{name['vi']} tổng kết năm {year - 1}, triển khai nhiệm vụ năm {year}: {theme_vi}",
            f"{name['en']}: {year - 1} Review and {year} Tasks — {theme_en}",
        )

    def venue(self, fmt: str) -> Any:
        rng, host = self.rng, self.host
        if fmt == "unknown" and rng.random() < 0.5:
            return "unknown"
        venue: dict[str, Any] = {"place": host.id}
        if rng.random() < 0.5:
            if host.id == "ha-noi" and rng.random() < 0.5:
                venue["hall"] = text("Hội trường Bộ Công Thương", "MOIT conference hall")
                venue["address"] = text("54 Hai Bà Trưng, Hoàn Kiếm, Hà Nội", "54 Hai Bà Trưng, Hoàn Kiếm, Hà Nội")
            else:
                vi, en = rng.choice(HALLS)
                venue["hall"] = text(vi.format(p=host.name), en.format(p=host.name))
                if rng.random() < 0.5:
                    street, number = rng.choice(STREETS), rng.randrange(1, 300)
                    venue["address"] = text(
                        f"Số {number} đường {street}, {host.level_vi} {host.name}",
                        f"{number} {street} Street, {host.name}",
                    )
        if fmt in ("online", "hybrid"):
            sites = len(self.members) if self.region != "viet-nam" else 63
            venue["remote"] = text(
                f"Điểm cầu trực tuyến tại trụ sở UBND và Sở Công Thương của {sites} tỉnh, thành phố",
                f"Online sites at the People's Committees and Departments of Industry and Trade of {sites} provinces "
                "and cities",
            )
        return venue

    def chairs(self) -> list[dict[str, Any]]:
        rng = self.rng
        chairs = [{"person": self.leader.id, "role": self.refs.role(self.leader)}]
        if rng.random() < 0.7:
            vice = self.refs.holder(f"{self.host.id}-ppc", self.year)
            chairs.append({"person": vice.id, "role": self.refs.role(vice)})
        if rng.random() < 0.5:
            post = "moit-market-surveillance" if self.series == "market-surveillance" else "arit"
            head = self.refs.holder(post, self.year)
            chairs.append({"person": head.id, "role": self.refs.role(head)})
        return chairs

    def member(self, person: Person) -> dict[str, Any]:
        return {"person": person.id, "role": self.refs.role(person)}

    def participants(self) -> list[dict[str, Any]]:
        rng, refs, year, host = self.rng, self.refs, self.year, self.host
        groups: list[dict[str, Any]] = []
        deputies = [refs.holder(f"deputy-minister-{seat}", year) for seat in range(3)]
        groups.append(
            {
                "group": text("Lãnh đạo Bộ Công Thương", "MOIT leadership"),
                "organizations": ["moit"],
                "people": [self.member(p) for p in deputies if p is not self.leader][: rng.randint(1, 2)],
            }
        )
        region_vi, region_en = self.scope_name(self.region)
        doits = {
            "group": text(
                f"Lãnh đạo Sở Công Thương {region_vi}",
                f"Heads of the Departments of Industry and Trade of {region_en}",
            ),
            "organizations": ["provincial-doits"],
        }
        if self.series == "market-surveillance":
            doits["organizations"].append("provincial-market-surveillance")
        if rng.random() < 0.5:
            doits["mode"] = rng.choice(("in-person", "online"))
        groups.append(doits)
        optional = []
        optional.append(
            {
                "group": text(
                    f"Đoàn {host.level_vi} {host.name}, địa phương đăng cai",
                    f"The {host.name} delegation, hosting the conference",
                ),
                "organizations": [f"{host.id}-ppc", f"{host.id}-doit"],
                "people": [
                    self.member(refs.holder(f"{host.id}-ppc", year)),
                    self.member(refs.holder(f"{host.id}-doit", year)),
                    self.member(refs.holder(f"{host.id}-doit-deputy", year)),
                ],
            }
        )
        units = self.pick(MOIT_UNITS, 3)
        optional.append(
            {
                "group": text(
                    "Đại diện các Cục, Vụ chức năng thuộc Bộ Công Thương",
                    "Representatives of MOIT's agencies and departments",
                ),
                "organizations": ["arit", *(unit[0] for unit in units)],
                "people": [self.member(refs.holder(unit[0], year)) for unit in units[:2]],
            }
        )
        guest = rng.choice([p for p in self.members if p is not host])
        delegation = {
            "group": text(f"Đoàn {guest.level_vi} {guest.name}", f"The {guest.name} delegation"),
            "organizations": [f"{guest.id}-doit"],
            "people": [
                self.member(refs.holder(f"{guest.id}-doit", year)),
                self.member(refs.holder(f"{guest.id}-doit-deputy", year)),
            ],
        }
        if rng.random() < 0.2:
            delegation["planned"] = True
        optional.append(delegation)
        bodies = self.pick(BUSINESS_BODIES, 2)
        optional.append(
            {
                "group": text(
                    "Đại diện các tập đoàn, hiệp hội ngành hàng và doanh nghiệp",
                    "Representatives of state groups, trade associations and businesses",
                ),
                "organizations": [body[0] for body in bodies],
                "people": [self.member(refs.holder(body[0], year)) for body in bodies],
                "mode": "in-person",
            }
        )
        chosen = sorted(rng.sample(range(len(optional)), rng.randint(0, 2)))
        groups[1:1] = [optional[k] for k in chosen]
        return groups

    # Figures.

    def main_period(self) -> tuple[int, int, int, int]:
        """The months most figures cover: the year so far, the last quarter or year, within a year before."""
        year, month = self.year, self.day.month
        choice = self.rng.random()
        if month >= 3 and choice < 0.55:
            return year, 1, year, month - 1
        if month >= 4 and choice < 0.75:
            quarter = (month - 1) // 3
            return year, quarter * 3 - 2, year, quarter * 3
        if choice < 0.9 or month == 1:
            return year - 1, 1, year - 1, 12
        return year, month - 1, year, month - 1

    def other_period(self) -> tuple[int, int, int, int]:
        year, month = self.year, self.day.month
        if month == 1:
            return year - 1, 12, year - 1, 12
        if self.rng.random() < 0.5:
            return year, month - 1, year, month - 1
        return year - 1, 1, year - 1, 12

    def figures(self) -> list[dict[str, Any]]:
        rng = self.rng
        scopes = [self.region, self.host.id]
        if self.region != "viet-nam":
            scopes.insert(1, "viet-nam")
        if self.region == "southern":
            scopes.append("mekong-delta")
        scopes += [p.id for p in self.pick(self.members, 3) if p.id not in scopes]
        wanted = rng.randint(10, 20)
        pairs: list[tuple[Metric, str]] = []
        reported = [m for m in METRICS if m.since <= self.year]
        preferred = [m for m in reported if m.topic in self.topics]
        while len(pairs) < wanted:
            metric = rng.choice(preferred) if preferred and rng.random() < 0.4 else rng.choice(reported)
            scope = rng.choice(scopes[:2]) if rng.random() < 0.5 else rng.choice(scopes)
            if metric.kind == "count" and scope in self.refs.province:
                scope = self.region
            if (metric, scope) not in pairs:
                pairs.append((metric, scope))
        return [self.figure(metric, scope) for metric, scope in pairs]

    def figure(self, metric: Metric, scope: str) -> dict[str, Any]:
        rng = self.rng
        start_year, start_month, end_year, end_month = self.period if rng.random() < 0.75 else self.other_period()
        figure: dict[str, Any] = {
            "metric": metric.id,
            "scope": scope,
            "period": {"from": month_iso(start_year, start_month), "to": month_iso(end_year, end_month)},
        }
        months = (end_year - start_year) * 12 + end_month - start_month + 1
        province = scope in self.refs.province
        if metric.kind == "count":
            total = len(self.refs.by_region[scope]) if scope != "viet-nam" else 63
            figure["value"] = rng.randint(total // 3, total)
            figure["out_of"] = total
            figure["unit"] = metric.big
        elif metric.kind == "change":
            low, high = (-6.0, 22.0) if metric.id == "iip" else (0.5, 9.0)
            figure["change_pct"] = self.percent(rng.uniform(low, high))
        elif metric.kind == "rate":
            value = round(rng.uniform(4.5, 11.0), 1)
            figure["value"] = value
            if rng.random() < 0.3:
                figure["value_max"] = round(value + rng.choice((0.3, 0.5, 1.0)), 1)
                figure["target"] = True
            figure["unit"] = "percent"
        else:
            share = self.share(scope)
            growth = 1.075 ** (end_year - 2025)
            value = metric.base * share * growth * rng.uniform(0.85, 1.15)
            if metric.kind == "flow":
                value *= months / 12
            if province and metric.small != metric.big:
                value *= 1000
            unit = metric.small if province else metric.big
            figure["value"] = self.rounded(value, integer=unit in ("cases", "events", "clusters", "markets"))
            figure["unit"] = unit
            if metric.kind == "flow":
                if rng.random() < 0.08:
                    figure["change_ratio"] = round(rng.uniform(1.2, 2.6), 1)
                elif rng.random() < 0.85:
                    figure["change_pct"] = self.percent(rng.uniform(-9.0, 30.0))
        if metric.kind != "rate" and rng.random() < 0.45:
            figure["estimated"] = True
        return figure

    def share(self, scope: str) -> float:
        if scope == "viet-nam":
            return 1.0
        if scope in REGIONS:
            return {"northern-28": 0.42, "southern": 0.45, "central": 0.13, "mekong-delta": 0.12}[scope]
        if scope == "ho-chi-minh":
            return 0.2
        if scope == "ha-noi":
            return 0.12
        return 0.004 + 0.036 * stable_fraction(scope)

    @staticmethod
    def percent(value: float) -> float:
        rounded = round(value, 1)
        return rounded if rounded != 0 else 0.1

    @staticmethod
    def rounded(value: float, integer: bool = False) -> int | float:
        if integer or value >= 10000:
            return max(1, round(value))
        if value >= 10:
            return round(value, 1)
        return max(0.01, round(value, 2))

    # Speeches and conclusions.

    def period_phrase(self, period: dict[str, str]) -> tuple[str, str]:
        start_month = int(period["from"][5:])  # Periods never span two years.
        end_year, end_month = (int(part) for part in period["to"].split("-"))
        if start_month == 1 and end_month == 12:
            return f"năm {end_year}", f"{end_year}"
        if start_month == end_month:
            return f"tháng {end_month}/{end_year}", f"{MONTHS_EN[end_month - 1]} {end_year}"
        if start_month % 3 == 1 and end_month == start_month + 2:
            quarter = end_month // 3
            return f"quý {roman(quarter)}/{end_year}", f"the {QUARTERS_EN[quarter - 1]} quarter of {end_year}"
        months = end_month - start_month + 1
        return f"{months} tháng đầu năm {end_year}", f"the first {NUMBER_WORDS_EN[months]} months of {end_year}"

    def figure_sentence(self, figure: dict[str, Any]) -> tuple[str, str]:
        metric = METRIC_BY_ID[figure["metric"]]
        period_vi, period_en = self.period_phrase(figure["period"])
        scope_vi, scope_en = self.scope_name(figure["scope"])
        vi = f"{period_vi}, {lower_first(metric.vi)} của {scope_vi}"
        en = f"in {period_en} {lower_first(metric.en)} in {scope_en}"
        if "value" in figure:
            unit = UNITS[figure["unit"]]["name"]
            unit_vi, unit_en = (unit, unit) if isinstance(unit, str) else (unit["vi"], unit["en"])
            gap = "" if figure["unit"] == "percent" else " "
            if "out_of" in figure:
                vi += f" là {figure['value']}/{figure['out_of']} {unit_vi}"
                en += f" was {figure['value']} of {figure['out_of']} {unit_en}"
            else:
                vi += f" {'ước ' if figure.get('estimated') else ''}đạt {number_vi(figure['value'])}{gap}{unit_vi}"
                en += f" {'reached an estimated' if figure.get('estimated') else 'reached'} "
                en += f"{number_en(figure['value'])}{gap}{unit_en}"
        if "change_pct" in figure:
            change = figure["change_pct"]
            vi += f", {'tăng' if change > 0 else 'giảm'} {number_vi(abs(change))}% so với cùng kỳ"
            en += f", {'up' if change > 0 else 'down'} {number_en(abs(change))}% year on year"
        return vi, en

    def speakers(self, figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
        rng, refs, year = self.rng, self.refs, self.year
        context_vi, context_en = rng.choice(CONTEXTS)
        scope_vi, scope_en = self.scope_name(self.region)
        x, y = self.areas(2)
        speakers = [
            {
                **self.member(self.leader),
                "kind": "opening",
                "summary": text(
                    f"Phát biểu khai mạc, nhấn mạnh vai trò của {x[0]} và {y[0]} đối với tăng trưởng của {scope_vi} "
                    f"trong bối cảnh {context_vi}.",
                    f"Opened the conference, stressing the role of {x[1]} and {y[1]} in the growth of {scope_en} "
                    f"amid {context_en}.",
                ),
            }
        ]
        reporter = refs.holder("moit-market-surveillance" if self.series == "market-surveillance" else "arit", year)
        sentences = [self.figure_sentence(f) for f in figures if "value" in f and "out_of" not in f][:2]
        report_vi = " ".join(upper_first(vi) + "." for vi, _ in sentences)
        report_en = " ".join(upper_first(en) + "." for _, en in sentences)
        extra = self.sentence()
        speakers.append(
            {
                **self.member(reporter),
                "kind": "report",
                "summary": text(
                    f"Trình bày báo cáo tổng hợp của Bộ. {report_vi} Báo cáo đề nghị các địa phương "
                    f"{lower_first(extra['vi'])}",
                    f"Presented the ministry's summary report. {report_en} The report asked the localities to "
                    f"{lower_first(extra['en'])}",
                ),
            }
        )
        for _ in range(rng.randint(0, 3)):
            province = rng.choice(self.members)
            area, clause = self.area(), self.clause()
            if rng.random() < 0.3:
                speakers.append(
                    {
                        "group": text("Đại biểu các địa phương (tham luận)", "Delegates of the localities (papers)"),
                        "kind": "speech",
                        "summary": text(
                            f"Các tham luận nêu kinh nghiệm về {area[0]} và đề xuất {clause[0]}.",
                            f"The papers described experience with {area[1]} and proposed to {clause[1]}.",
                        ),
                    }
                )
                continue
            speaker = refs.holder(f"{province.id}-{rng.choice(('ppc', 'doit', 'doit-deputy'))}", year)
            kind = rng.choice(("speech", "speech", "proposal"))
            summary = (
                text(
                    f"Chia sẻ kinh nghiệm của {province.level_vi} {province.name} về {area[0]}; đề nghị {clause[0]}.",
                    f"Shared {province.name}'s experience with {area[1]} and suggested that the sector {clause[1]}.",
                )
                if kind == "speech"
                else text(
                    f"Đề xuất {clause[0]} (xem phần kiến nghị).",
                    f"Proposed to {clause[1]} (see the recommendations).",
                )
            )
            speakers.append({**self.member(speaker), "kind": kind, "summary": summary})
        return speakers

    def directive(self) -> dict[str, Any]:
        directive: dict[str, Any] = {"text": self.sentence(self.rng.choice((1, 1, 1, 1, 2)))}
        if self.rng.random() < 0.15:
            directive["points"] = [self.sentence() for _ in range(self.rng.randint(2, 3))]
        return directive

    def conclusions(self) -> dict[str, Any]:
        rng = self.rng
        conclusions: dict[str, Any] = {"by": self.member(self.leader)}
        if rng.random() < 0.5:
            context_vi, context_en = rng.choice(CONTEXTS)
            x = self.area()
            conclusions["assessment"] = text(
                f"Trong bối cảnh {context_vi}, ngành Công Thương đã hoàn thành cơ bản các mục tiêu đề ra; tuy vậy, "
                f"{x[0]} vẫn còn nhiều hạn chế cần khắc phục.",
                f"Amid {context_en}, the industry and trade sector had broadly met its targets, although {x[1]} "
                "still showed many weaknesses to overcome.",
            )
        count = 1 if rng.random() < 0.75 else 2
        headings = self.pick(HEADINGS, 2)
        sections = []
        for number in range(count):
            section: dict[str, Any] = {}
            if count > 1:
                section["heading"] = text(*headings[number])
            if rng.random() < 0.6:
                section["addressed_to"] = text(*rng.choice(ADDRESSEES))
            section["directives"] = [self.directive() for _ in range(rng.randint(4, 10))]
            sections.append(section)
        conclusions["sections"] = sections
        if rng.random() < 0.5:
            conclusions["commitment"] = text(
                "Bộ Công Thương ghi nhận các kiến nghị của địa phương và sẽ phối hợp với các Bộ, ngành liên quan để "
                "tháo gỡ khó khăn, vướng mắc trong thời gian sớm nhất.",
                "MOIT took note of the localities' recommendations and will work with the relevant ministries and "
                "sectors to resolve their difficulties as soon as possible.",
            )
        return conclusions

    def recommendations(self) -> list[dict[str, Any]]:
        rng, refs = self.rng, self.refs
        result = []
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            province = rng.choice(self.members)
            first, second = self.clause(), self.clause()
            recommendation: dict[str, Any] = {}
            if rng.random() < 0.7:
                recommendation.update(self.member(refs.holder(f"{province.id}-doit", self.year)))
            recommendation["place"] = province.id
            recommendation["text"] = text(
                f"Đề nghị Bộ Công Thương {first[0]}; đồng thời {second[0]} cho {province.level_vi} {province.name}.",
                f"Asked MOIT to {first[1]}, and to {second[1]} for {province.name}.",
            )
            result.append(recommendation)
        return result

    def documents(self) -> list[dict[str, Any]]:
        rng, year = self.rng, self.year
        result = []
        for _ in range(rng.randint(0, 4)):
            issued = self.day - datetime.timedelta(days=rng.randint(20, 700))
            x = self.area()
            number = rng.randint(1, 180)
            kind = rng.choice(("resolution", "decision", "directive", "decision-moit", "plan", "programme"))
            if kind == "resolution":
                document = {
                    "number": f"{number:02d}/NQ-CP",
                    "kind": "resolution",
                    "issuer": "government",
                    "title": text(
                        "Về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội "
                        f"năm {issued.year}",
                        f"Main tasks and measures to carry out the {issued.year} socio-economic development plan",
                    ),
                }
            elif kind == "decision":
                document = {
                    "number": f"{rng.randint(100, 2400)}/QĐ-TTg",
                    "kind": "decision",
                    "issuer": "prime-minister",
                    "title": text(
                        f"Phê duyệt Chương trình phát triển {x[0]} giai đoạn {year}–{year + 5}",
                        f"Approving the programme for {x[1]}, {year}–{year + 5}",
                    ),
                }
            elif kind == "directive":
                document = {
                    "number": f"{number:02d}/CT-TTg",
                    "kind": "directive",
                    "issuer": "prime-minister",
                    "title": text(
                        f"Về tăng cường {x[0]} trong tình hình mới",
                        f"On strengthening {x[1]} in the new situation",
                    ),
                }
            elif kind == "decision-moit":
                document = {
                    "number": f"{rng.randint(100, 3600)}/QĐ-BCT",
                    "kind": "decision",
                    "issuer": "moit",
                    "title": text(
                        f"Ban hành Kế hoạch hành động của Bộ Công Thương về {x[0]} năm {issued.year}",
                        f"MOIT's {issued.year} action plan on {x[1]}",
                    ),
                }
            elif kind == "plan":
                document = {
                    "number": f"{number}/KH-UBND",
                    "kind": "plan",
                    "issuer": f"{self.host.id}-ppc",
                    "title": text(
                        f"Kế hoạch {x[0]} trên địa bàn {self.host.level_vi} {self.host.name} năm {issued.year}",
                        f"{self.host.name}'s {issued.year} plan for {x[1]}",
                    ),
                }
            else:
                document = {
                    "kind": "programme",
                    "issuer": "government",
                    "title": text(f"Chương trình quốc gia về {x[0]}", f"The national programme on {x[1]}"),
                }
            if "number" in document:
                document["date"] = issued.isoformat()
            result.append(
                {key: document[key] for key in ("number", "kind", "issuer", "date", "title") if key in document}
            )
        return result

    def sources(self, title: dict[str, str]) -> list[dict[str, Any]]:
        rng = self.rng
        slug = slugify(title["vi"], 70)
        host = self.host
        options = [
            ("Bộ Công Thương", f"https://moit.gov.vn/tin-tuc/hoat-dong/{slug}.html"),
            ("Báo Công Thương", f"https://congthuong.vn/{slug}-{rng.randint(100000, 399999)}.html"),
            (
                "Cục Công Thương địa phương (ARIT)",
                f"https://arit.gov.vn/tin-tuc/{slug}-{rng.getrandbits(32):08x}_{rng.randint(1000, 9999)}/",
            ),
            (f"Sở Công Thương {host.name}", f"https://sct.{host.id.replace('-', '')}.gov.vn/tin-tuc/{slug}.html"),
            ("Cổng Thông tin điện tử Chính phủ", f"https://baochinhphu.vn/{slug}-{rng.randint(10**9, 10**10)}.htm"),
        ]
        result = []
        for publisher, url in self.pick(options, rng.randint(1, 2)) if rng.random() < 0.5 else [options[0]]:
            kind = rng.choice(("report", "report", "article", "announcement"))
            offset = -rng.randint(3, 12) if kind == "announcement" else rng.randint(0, 7)
            source = {
                "publisher": publisher,
                "title": title["vi"],
                "published": (self.day + datetime.timedelta(days=offset)).isoformat(),
                "url": url,
                "kind": kind,
                "supports": text(
                    "Ngày, địa điểm, thành phần, nội dung các báo cáo, số liệu và kết luận của hội nghị."
                    if kind != "announcement"
                    else "Ngày, địa điểm, đơn vị tổ chức và thành phần dự kiến của hội nghị.",
                    "The date, place, attendance, reports, figures and conclusions of the conference."
                    if kind != "announcement"
                    else "The date, place, organisers and planned attendance of the conference.",
                ),
            }
            result.append(source)
        return result

    def summary(self, record: dict[str, Any]) -> dict[str, str]:
        host, leader = self.host, self.leader
        scope_vi, scope_en = self.scope_name(self.region)
        period_vi, period_en = self.period_phrase(
            {"from": month_iso(self.period[0], self.period[1]), "to": month_iso(self.period[2], self.period[3])}
        )
        a, b, c, d = self.areas(4)
        where_vi = f" tại {host.level_vi} {host.name}" if record["venue"] != "unknown" else ""
        where_en = f" in {host.name}" if record["venue"] != "unknown" else ""
        known = record["venue"] != "unknown"
        if self.edition:
            opening_vi = f"Hội nghị lần thứ {roman(self.edition)}"
            opening_en = f"The {ordinal(self.edition)} edition"
        else:
            opening_vi, opening_en = "Hội nghị", "The conference"
        with_vi = f" phối hợp với {host.ppc_vi}" if known else ""
        with_en = f" with the {host.ppc_en}" if known else ""
        first = text(
            f"{opening_vi} do Bộ Công Thương{with_vi} tổ chức ngày {date_vi(self.day)}{where_vi}, đánh giá kết quả "
            f"{a[0]} và {b[0]} của {scope_vi} trong {period_vi}.",
            f"{opening_en}, organised by MOIT{with_en} on {date_en(self.day)}{where_en}, reviewed how {scope_en} "
            f"fared in {a[1]} and {b[1]} in {period_en}.",
        )
        second = text(
            f"Đại biểu tập trung thảo luận về {c[0]} và {d[0]}.",
            f"Delegates concentrated on {c[1]} and {d[1]}.",
        )
        parts = [first, second]
        if self.rng.random() < 0.7:
            clause = self.clause()
            title_vi = leader.role_vi.split(" Bộ")[0]
            title_en = leader.role_en.split(" of")[0]
            parts.append(
                text(
                    f"{title_vi} {leader.name} kết luận, yêu cầu các Sở Công Thương {clause[0]}.",
                    f"Closing the meeting, {title_en} {leader.name} asked the Departments of Industry and Trade "
                    f"to {clause[1]}.",
                )
            )
        return text(" ".join(p["vi"] for p in parts), " ".join(p["en"] for p in parts))


def conference(refs: References, calendar: Calendar, index: int) -> tuple[str, str]:
    """Conference index: its id and the text of its file."""
    record = RecordMaker(refs, calendar, index).make()
    return record["id"], dump(record, CONFERENCE_SCHEMA_LINE)


# --- Writing the folder -------------------------------------------------------------------------------------


def generate(root: Path, conferences: int, seed: int = 2026) -> Path:
    """Write a complete content folder under root (root/content), return its path."""
    calendar = build_calendar(seed)
    if not 0 <= conferences <= len(calendar.days):
        raise CalendarFull(f"asked for {conferences} conferences; the calendar holds 0 to {len(calendar.days)}")
    content = Path(root) / "content"
    if content.exists():
        if not (content / MARKER).is_file():
            raise FileExistsError(f"{content} exists and was not made by bench.synthetic; refusing to replace it")
        shutil.rmtree(content)
    (content / "conferences").mkdir(parents=True)
    (content / MARKER).write_text("Generated by bench.synthetic; replaced on the next run.\n", encoding="utf-8")
    refs = build_references(seed)
    for kind in REFERENCE_KINDS:
        schema_line = f"# yaml-language-server: $schema=../schema/{kind}.schema.json"
        (content / f"{kind}.yaml").write_text(dump(refs.files[kind], schema_line), encoding="utf-8")
    collecting = gc.isenabled()
    gc.disable()  # Records are trees without cycles; collecting while building them only costs time.
    try:
        for index in range(conferences):
            record_id, body = conference(refs, calendar, index)
            (content / "conferences" / f"{record_id}.yaml").write_text(body, encoding="utf-8")
    finally:
        if collecting:
            gc.enable()
    return content


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.synthetic", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the folder to write content/ into")
    parser.add_argument("--conferences", type=int, default=250, help="how many records (default: 250)")
    parser.add_argument("--seed", type=int, default=2026, help="the random seed (default: 2026)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        content = generate(args.out, args.conferences, args.seed)
    except (FileExistsError, CalendarFull) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    size = sum(path.stat().st_size for path in (content / "conferences").glob("*.yaml"))
    average = size / max(args.conferences, 1) / 1024
    elapsed = time.perf_counter() - started
    print(f"Wrote {args.conferences} conferences ({average:.1f} KB each on average) into {content} in {elapsed:.2f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
