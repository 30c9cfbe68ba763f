joinedupSearch.add("p-5",{"famili":[3,27,7,61],"find":[0,26],"first":[6,30]});
