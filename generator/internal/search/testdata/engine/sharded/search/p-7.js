joinedupSearch.add("p-7",{"happen":[5,26],"health":[0,30,3,45,7,19],"help":[2,23,6,24],"home":[2,23,1,27]});
