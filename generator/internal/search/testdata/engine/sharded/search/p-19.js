joinedupSearch.add("p-19",{"well":[6,68],"worker":[4,57,6,31]});
