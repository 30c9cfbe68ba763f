joinedupSearch.add("p-1",{"adapt":[2,29],"anoth":[5,43],"assess":[4,32]});
