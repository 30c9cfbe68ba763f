joinedupSearch.add("p-18",{"visitor":[0,30,3,48,7,19]});
