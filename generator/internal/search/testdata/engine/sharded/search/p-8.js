joinedupSearch.add("p-8",{"independ":[2,29],"involv":[0,22,1,28]});
