-- Placeholder: branch m2-rootcauses was given migration 0011 while another branch of issue 13
-- takes 0010. Migrations must be numbered without gaps, so this empty file stands in for it on
-- this branch only. DELETE IT AT MERGE (the lead renumbers).
SELECT 1;
