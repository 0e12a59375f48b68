SELECT 'compiled output must be skipped'
