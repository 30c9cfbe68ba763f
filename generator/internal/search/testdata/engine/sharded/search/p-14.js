joinedupSearch.add("p-14",{"rais":[5,22,1,56],"role":[0,44,1,18,2,17]});
