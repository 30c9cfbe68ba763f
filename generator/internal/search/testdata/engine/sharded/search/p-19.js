joinedupSearch.add("p-19",{"well":[6,62],"worker":[4,53,6,31]});
