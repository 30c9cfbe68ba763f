joinedupSearch.add("p-14",{"rais":[5,22,1,51],"role":[0,40,1,18,2,17]});
