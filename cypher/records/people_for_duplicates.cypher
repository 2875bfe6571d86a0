// Everyone the duplicate scan compares (records merged into another are left out), with
// what it blocks and compares on, and whom each is tied to as parent, child or partner (those
// are two people). Parameters: none. Returns rows {id, given_name, family_name, dob,
// nhs_number, homes: [household id], ties: [person id]}.
MATCH (p:Person)
WHERE NOT EXISTS { (p)-[:MERGED_INTO]->() }
RETURN p.id AS id, p.given_name AS given_name, p.family_name AS family_name, p.dob AS dob,
       p.nhs_number AS nhs_number,
       [(p)-[l:LIVES_AT]->(h:Household) WHERE l.`to` IS NULL | h.id] AS homes,
       [(p)-[:PARENT_OF|PARTNER_OF]-(o:Person) | o.id] AS ties
