"""Word lists written as trees of shared beginnings find exactly what the flat alternation, longest first, finds."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.wordlists import longest_of

# Words of a few letters that share beginnings ("tỷ", "tỷ lệ", "ty", "t"), some of two words.
_WORD = st.lists(st.text(alphabet="atnỷ", min_size=1, max_size=4), min_size=1, max_size=2).map(" ".join)
_TEXT = st.text(alphabet="atnỷ \n-", max_size=40)


def _flat(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=8), _TEXT)
def test_tree_matches_what_the_alternation_longest_first_matches(words, text):
    # What follows the words forces backtracking into them: a word boundary, only spaces to the end, a letter.
    for after in ("", r"\b", r"\s*$", "n", r"(?![^\W\d_])"):
        tree = re.compile(f"(?:{longest_of(words)}){after}")
        flat = re.compile(f"(?:{_flat(words)}){after}")
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_longer_phrase_wins_over_its_first_word_across_any_spaces():
    pattern = re.compile(longest_of(["nghìn", "nghìn tỷ", "tỷ"]))
    assert [m.group() for m in pattern.finditer("3 nghìn  tỷ, 2 nghìn người, 1 tỷ")] == ["nghìn  tỷ", "nghìn", "tỷ"]
