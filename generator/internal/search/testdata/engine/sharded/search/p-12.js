joinedupSearch.add("p-12",{"occup":[2,51,6,52],"opinion":[6,30],"ot":[0,30,2,47,6,47]});
