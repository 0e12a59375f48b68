SELECT 'hidden folders are skipped'
