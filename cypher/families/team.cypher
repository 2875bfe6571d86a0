// Every involvement of a professional with a member of the family ($family_id), or with one
// person ($person_id; the other null), ongoing and ended, with the professional's contact
// details, agency, and the successor named at a handover.
// Parameters: $family_id, $person_id. Returns rows {involvement_id, role, lead, since, ended,
// last_contact, ended_reason, quality, person_id, person_name, professional_id,
// professional_name, job_title, email, phone, sensitive_role, agency_id, agency_name,
// agency_type, successor_name}.
CALL {
  WITH $family_id AS family WHERE family IS NOT NULL
  MATCH (:Family {id: family})<-[:MEMBER_OF]-(person:Person) RETURN person
  UNION
  WITH $person_id AS one WHERE one IS NOT NULL
  MATCH (person:Person {id: one}) RETURN person
}
MATCH (person)<-[i:INVOLVED_WITH]-(pro:Professional)
OPTIONAL MATCH (pro)-[:WORKS_FOR]->(a:Agency)
OPTIONAL MATCH (pro)-[h:HANDED_OVER_TO]->(successor:Professional) WHERE h.`for` = person.id
RETURN i.id AS involvement_id, i.role AS role, coalesce(i.lead, false) AS lead,
       i.`from` AS since, i.`to` AS ended, i.last_contact AS last_contact,
       i.ended_reason AS ended_reason, i.quality AS quality, person.id AS person_id,
       person.given_name + ' ' + person.family_name AS person_name,
       pro.id AS professional_id, pro.name AS professional_name, pro.job_title AS job_title,
       pro.email AS email, pro.phone AS phone, coalesce(pro.sensitive_role, false) AS sensitive_role,
       a.id AS agency_id, a.name AS agency_name, a.type AS agency_type,
       successor.name AS successor_name
ORDER BY agency_name, professional_name, person_name
