joinedupSearch.add("p-17",{"use":[0,18,1,46,5,21]});
