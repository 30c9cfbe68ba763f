joinedupSearch.add("p-18",{"visitor":[0,30,3,45,7,19]});
