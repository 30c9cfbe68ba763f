joinedupSearch.add("p-6",{"glossari":[7,59,1,21,1,21]});
