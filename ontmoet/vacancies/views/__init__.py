"""Pages of the vacancies module: `board` (the place's board, officers reading), `public` (the kaart, no
login) and `officers` (counts per municipality and their export)."""
