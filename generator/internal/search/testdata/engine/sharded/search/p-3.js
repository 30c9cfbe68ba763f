joinedupSearch.add("p-3",{"danger":[11,46],"differ":[9,30],"disagr":[5,22,1,51],"disagre":[5,62,5,22]});
