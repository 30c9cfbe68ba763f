joinedupSearch.add("v-o",{"occup":[2,12],"opinion":[1,12],"ot":[3,12]});
