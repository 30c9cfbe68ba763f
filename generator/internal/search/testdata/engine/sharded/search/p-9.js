joinedupSearch.add("p-9",{"level":[10,27],"list":[0,22,1,54]});
