joinedupSearch.add("p-6",{"glossari":[7,60,1,21,1,21]});
