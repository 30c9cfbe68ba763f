joinedupSearch.add("p-17",{"use":[0,18,1,49,5,21]});
