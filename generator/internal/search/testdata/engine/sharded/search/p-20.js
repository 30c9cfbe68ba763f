joinedupSearch.add("p-20",{"young":[3,32]});
