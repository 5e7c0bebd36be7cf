"""A coarse grid over the map, so that "near a postcode" is a few indexed ranges instead of a scan.

Each materialised date carries the number of the grid cell its place lies in (`ActivityDate.cell`); a search
within a radius asks for the cells that its bounding box touches, on the index (cell, date, starts_at, ...),
and the exact distance then keeps what lies within the circle. Cells are 0.05° of latitude by 0.08° of
longitude: about 5.5 by 5.5 km in the Netherlands, so a 10 km radius touches some twenty cells.
"""

import math

ROWS_PER_DEGREE = 20  # 0.05° of latitude
COLUMNS_PER_DEGREE = 12.5  # 0.08° of longitude
ROW_FACTOR = 100_000  # a cell's number: row × ROW_FACTOR + column (columns run from -2250 to 2250)
MAX_CELLS = 400  # a 50 km radius touches about 380; beyond this the bounding box alone is cheaper


def cell(latitude, longitude) -> int | None:
    if latitude is None or longitude is None:
        return None
    return (math.floor(float(latitude) * ROWS_PER_DEGREE) * ROW_FACTOR
            + math.floor(float(longitude) * COLUMNS_PER_DEGREE))


def cells_in_box(south: float, north: float, west: float, east: float) -> list[int] | None:
    """Every cell the box touches; None when they are too many to list (then search by the box alone)."""
    rows = range(math.floor(south * ROWS_PER_DEGREE), math.floor(north * ROWS_PER_DEGREE) + 1)
    columns = range(math.floor(west * COLUMNS_PER_DEGREE), math.floor(east * COLUMNS_PER_DEGREE) + 1)
    if len(rows) * len(columns) > MAX_CELLS:
        return None
    return [row * ROW_FACTOR + column for row in rows for column in columns]
