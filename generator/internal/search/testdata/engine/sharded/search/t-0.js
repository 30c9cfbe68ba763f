joinedupSearch.add("t-0",{"care":"EIL/","note":"AID/","partner":[2],"plan":[23],"role":[2,2],"support":"CHB3"});
