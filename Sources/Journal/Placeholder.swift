// Journal module: see issue 3.
