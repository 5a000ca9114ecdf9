"""A desk's decisions written for tests of the check-worthiness model."""
from __future__ import annotations

from db.claims import ClaimFilter, claim_queue
from evidence.dismissal import dismiss_claim
from evidence.review import save_review
from pipelines.ingest import ingest_text

PLACES = ["Hà Nội", "Đà Nẵng", "Cần Thơ", "Huế", "Nghệ An", "Long An", "Hải Phòng", "Bình Dương", "Quảng Ninh",
          "Lâm Đồng", "Phú Yên", "Gia Lai"]


def decide_as_the_rules_do(db) -> None:
    """Twelve Vietnamese articles, a figure and a greeting each; the desk takes in what the rules flag and dismisses
    the rest, so no model can do better than the rules on them."""
    for i, place in enumerate(PLACES):
        ingest_text(db, f"Năm {2001 + i}, tỉnh số {i + 1} ghi nhận {3 + i} nghìn ca sốt xuất huyết. Chúng tôi chúc"
                        f" các bạn ở {place} một ngày thật vui vẻ bên gia đình.", title=f"Bản tin {i}")
    for claim in claim_queue(db, ClaimFilter(checkworthy=None), limit=100).claims:
        if claim.checkworthy:
            save_review(db, claim.id, expected_version=claim.version, reviewer="Lan", status="in_review")
        else:
            dismiss_claim(db, claim.id, expected_version=claim.version, reviewer="Lan")
