from datetime import date

import pytest

# A fixed reference time for every test that resolves relative dates (a Wednesday).
DCT = date(2021, 7, 28)


@pytest.fixture
def dct() -> date:
    return DCT
