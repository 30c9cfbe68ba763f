joinedupSearch.add("p-2",{"call":[11,84],"calm":[5,26],"care":[12,14,1,14,1,14],"children":[3,32],"contact":[11,46]});
